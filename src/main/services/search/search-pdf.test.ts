import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta, Block, Page } from '../../../shared/model/article';
import { SearchService, type SearchSource } from './search-service';

const ID = '33333333-3333-4333-8333-333333333333';
const PAGE_ONE = 'Lời nói đầu về bán đảo.';
const PAGE_TWO = 'Chương một: khảo sát Sơn Trà.';
const TEXT = `${PAGE_ONE}\n\n${PAGE_TWO}`;
const PAGES: Page[] = [
  { index: 0, label: 'iv', start: 0, end: PAGE_ONE.length },
  { index: 1, label: '12', start: PAGE_ONE.length + 2, end: TEXT.length },
];
const BLOCKS: Block[] = PAGES.map((p) => ({ kind: 'p', start: p.start, end: p.end }));

const meta: ArticleMeta = {
  id: ID,
  title: 'Bài báo',
  author: null,
  published: null,
  sourceFile: 'articles/bai-bao.pdf',
  format: 'pdf',
  contentHash: 'hash-pdf',
  wordCount: 12,
  charCount: TEXT.length,
  tags: [],
  progress: 0,
  highlightCount: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
  pageCount: 2,
};

const start = TEXT.indexOf('khảo sát');
const highlight: Annotation = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  articleId: ID,
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'khảo sát', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 'khảo sát'.length },
  },
  color: 'green',
  note: 'ghi chú',
  tags: [],
  createdAt: '2024-01-02T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  deleted: false,
  orphaned: false,
};

/** One PDF article with its page map. */
const source: SearchSource = {
  listArticles: () => [meta],
  readContent: async () => ({ text: TEXT, blocks: BLOCKS, pages: PAGES }),
  readCachedText: (_id, _hash, from, to) => TEXT.slice(from, to),
  listAnnotations: async () => [highlight],
};

let library: string;
beforeEach(async () => {
  library = await mkdtemp(path.join(os.tmpdir(), 'gloss-search-pdf-'));
});
afterEach(async () => {
  await rm(library, { recursive: true, force: true });
});

describe('search in a PDF', () => {
  it('gives text and highlight hits the label of the page they are on, also from a saved index', async () => {
    const search = await SearchService.open(library, source);
    const pageOf = (s: SearchService, query: string) =>
      s.search(query).groups.flatMap((g) => g.hits.map((h) => [h.kind, h.page, h.start]));
    expect(pageOf(search, 'ban dao')).toEqual([['text', 'iv', TEXT.indexOf('bán đảo')]]);
    expect(pageOf(search, 'khao sat')).toContainEqual(['quote', '12', start]);
    await search.save();
    const reopened = await SearchService.open(library, source);
    expect(pageOf(reopened, 'son tra')).toEqual([['text', '12', TEXT.indexOf('Sơn Trà')]]);
  });
});

import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import { SON_TRA_TEXT } from './fixtures/son-tra';
import { indexDir } from './persist';
import { SearchService, type SearchSource } from './search-service';

const ID = '11111111-1111-4111-8111-111111111111';
const meta: ArticleMeta = {
  id: ID,
  title: 'Sơn Trà',
  author: null,
  published: null,
  sourceFile: 'articles/a.txt',
  format: 'txt',
  contentHash: 'h1',
  wordCount: 100,
  charCount: SON_TRA_TEXT.length,
  tags: [],
  progress: 0,
  highlightCount: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
};
const exact = 'đổi mới phương thức lãnh đạo của Đảng';
const start = SON_TRA_TEXT.indexOf(exact);
const highlight: Annotation = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  articleId: ID,
  target: {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  },
  color: 'yellow',
  note: 'Ý chính',
  tags: [],
  createdAt: '2024-01-02T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  deleted: false,
  orphaned: false,
};

let library: string;
let contentReads: number;
let cachedText: string | undefined;
let current: { meta: ArticleMeta; annotations: Annotation[] };
const source: SearchSource = {
  listArticles: () => [current.meta],
  readContent: async () => {
    contentReads++;
    return { text: SON_TRA_TEXT, blocks: [] };
  },
  listAnnotations: async () => current.annotations,
  readCachedText: (_id, _hash, start, end) => cachedText?.slice(start, end),
};

beforeEach(async () => {
  library = await mkdtemp(path.join(os.tmpdir(), 'gloss-search-log-'));
  contentReads = 0;
  cachedText = SON_TRA_TEXT;
  current = { meta, annotations: [highlight] };
});

afterEach(async () => {
  await rm(library, { recursive: true, force: true });
});

const files = async () => (await readdir(indexDir(library))).sort();
const logFile = async () =>
  path.join(indexDir(library), (await files()).find((f) => f.startsWith('log-')) ?? '');

describe('saving changes', () => {
  it('keeps no copy of the text, and reads snippets from the content cache', async () => {
    const search = await SearchService.open(library, source);
    await search.save();
    for (const file of await files()) {
      expect(await readFile(path.join(indexDir(library), file), 'utf8')).not.toContain('Sơn Trà');
    }
    const reopened = await SearchService.open(library, source);
    const hit = reopened.search('"Ban Thường vụ"').groups[0]?.hits[0];
    expect(hit?.snippet.text).toContain('Ban Thường vụ');
  });

  it('appends a note edit and a title change to the log, and replays them when opened', async () => {
    const search = await SearchService.open(library, source);
    await search.save();
    const saved = await files();
    const edited = { ...highlight, note: 'Tinh thần đoàn kết', updatedAt: '2024-01-03T00:00:00.000Z' };
    current = {
      meta: { ...meta, title: 'Bán đảo Sơn Trà', updatedAt: edited.updatedAt },
      annotations: [edited],
    };
    search.indexAnnotation(edited);
    search.updateArticleMeta(current.meta);
    await search.save();
    expect(await files()).toEqual(saved);
    expect((await readFile(await logFile(), 'utf8')).split('\n')).toHaveLength(2);

    const reads = contentReads;
    const reopened = await SearchService.open(library, source);
    expect(contentReads).toBe(reads);
    expect(reopened.search('đoàn kết in:notes').groups[0]?.hits[0]?.annotationId).toBe(edited.id);
    expect(reopened.search('ý chính in:notes').total).toBe(0);
    expect(reopened.search('bán đảo').groups[0]?.hits.map((h) => h.kind)).toContain('title');
    expect(reopened.search('khảo s').total).toBe(1);
  });

  it('drops a line cut short by a crash, and rebuilds from a log that is not one', async () => {
    const search = await SearchService.open(library, source);
    await search.save();
    search.removeArticle(ID);
    await search.save();
    await appendFile(await logFile(), '{"articles":[');
    const reads = contentReads;
    const torn = await SearchService.open(library, source);
    expect(contentReads - reads).toBe(1);
    expect(torn.search('Sơn Trà').total).toBe(1);
    expect((await readFile(await logFile(), 'utf8')).endsWith('\n')).toBe(true);

    await appendFile(await logFile(), 'not a change\n');
    const rebuilt = await SearchService.open(library, source);
    expect(contentReads - reads).toBe(2);
    expect(rebuilt.search('Sơn Trà').total).toBe(1);
  });

  it('reads the article again when its cached text is not the one indexed', async () => {
    await (await SearchService.open(library, source)).save();
    cachedText = `${SON_TRA_TEXT} thêm`;
    const reopened = await SearchService.open(library, source);
    const reads = contentReads;
    expect(reopened.search('"Ban Thường vụ"').total).toBe(0);
    await reopened.save();
    cachedText = SON_TRA_TEXT;
    await (await SearchService.open(library, source)).whenReady();
    expect(contentReads).toBe(reads + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { renderExportSchema } from '../../shared/contract/export';
import { EPUB_CFI_SPEC } from '../../shared/export/cfi';
import type { Annotation } from '../../shared/model/annotation';
import type { ArticleMeta } from '../../shared/model/article';
import { describeRange } from '../../shared/text/selectors';
import { importWebAnnotations, renderExport } from './export';
import { convertEpub } from './import/epub/epub';
import { buildEpub } from './import/epub/fixtures/build-epub';
import { MemoryExportSource } from './memory-export-source';

const BOOK = '44444444-4444-4444-8444-444444444444';
const NOW = new Date('2024-05-01T08:30:00.000Z');
const { text, blocks } = convertEpub(buildEpub());

const meta: ArticleMeta = {
  id: BOOK,
  title: 'Sông Hàn kể chuyện',
  author: null,
  published: null,
  sourceFile: 'articles/song-han.epub',
  format: 'epub',
  contentHash: 'f'.repeat(64),
  wordCount: 30,
  charCount: text.length,
  tags: [],
  progress: 0,
  highlightCount: 1,
  createdAt: '2024-04-01T00:00:00.000Z',
  updatedAt: '2024-04-01T00:00:00.000Z',
  deleted: false,
};

function highlightOf(quote: string): Annotation {
  const start = text.indexOf(quote);
  return {
    id: 'dddddddd-0000-4000-8000-000000000001',
    articleId: BOOK,
    target: describeRange(text, start, start + quote.length),
    color: 'blue',
    note: 'Cá',
    tags: ['chợ'],
    createdAt: '2024-04-02T09:00:00.000Z',
    updatedAt: '2024-04-02T09:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

describe('Web Annotation export of a book', () => {
  it('adds an EPUB CFI FragmentSelector, and an import of the file gives the same highlight back', async () => {
    const highlight = highlightOf('tươi từ biển');
    const source = new MemoryExportSource({
      articles: [meta],
      annotations: [highlight],
      contents: { [BOOK]: { text, blocks } },
    });
    const params = renderExportSchema.parse({ scope: { kind: 'article', id: BOOK }, format: 'json' });
    const [file] = await renderExport(source, params, NOW);
    const item = JSON.parse(file!.content).first.items[0];
    // ch2.xhtml is the second itemref (/6/4); "Cá tươi từ biển." is the body's (/4) fourth element's (/8) text.
    expect(item.target.selector).toContainEqual({
      type: 'FragmentSelector',
      conformsTo: EPUB_CFI_SPEC,
      value: 'epubcfi(/6/4!/4/8,/1:3,/1:15)',
    });

    const fresh = new MemoryExportSource({ articles: [meta], annotations: [] });
    expect(await importWebAnnotations(fresh, file!.content, NOW)).toEqual({ imported: 1, skipped: 0 });
    expect(await fresh.listAnnotations(BOOK)).toEqual([highlight]);
  });

  it("gives no CFI where the book's blocks keep no origin (imported before it was kept)", async () => {
    const plain = blocks.map(({ origin: _origin, ...block }) => block);
    const source = new MemoryExportSource({
      articles: [meta],
      annotations: [highlightOf('Cầu phun lửa')],
      contents: { [BOOK]: { text, blocks: plain } },
    });
    const params = renderExportSchema.parse({ scope: { kind: 'article', id: BOOK }, format: 'json' });
    const [file] = await renderExport(source, params, NOW);
    expect(file!.content).not.toContain('FragmentSelector');
  });
});

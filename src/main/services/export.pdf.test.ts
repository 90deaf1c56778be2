import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import type { ArticleMeta, Page } from '../../shared/model/article';
import { importWebAnnotations, renderExport } from './export';
import { MemoryExportSource } from './memory-export-source';

const ID = '22222222-2222-4222-8222-222222222222';
const TEXT = 'Lời nói đầu.\n\nChương một bắt đầu ở đây.';
const PAGES: Page[] = [
  { index: 0, label: 'iv', start: 0, end: 12 },
  { index: 1, label: '12', start: 14, end: TEXT.length },
];

const paper: ArticleMeta = {
  id: ID,
  title: 'Bài báo',
  author: null,
  published: null,
  sourceFile: 'articles/bai-bao.pdf',
  format: 'pdf',
  contentHash: 'e'.repeat(64),
  wordCount: 8,
  charCount: TEXT.length,
  tags: [],
  progress: 0,
  highlightCount: 1,
  createdAt: '2024-04-01T00:00:00.000Z',
  updatedAt: '2024-04-01T00:00:00.000Z',
  deleted: false,
  pageCount: 2,
  doi: '10.1000/xyz123',
};

const exact = 'Chương một';
const start = TEXT.indexOf(exact);
const highlight: Annotation = {
  id: '33333333-3333-4333-8333-333333333333',
  articleId: ID,
  target: {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: ' bắt đầu' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  },
  color: 'green',
  note: '',
  tags: [],
  createdAt: '2024-04-02T09:00:00.000Z',
  updatedAt: '2024-04-02T09:00:00.000Z',
  deleted: false,
  orphaned: false,
};

/** A figure on the page labelled 12, drawn on an A4 page whose view box starts at (0, 0). */
const figure: Annotation = {
  ...highlight,
  id: '77777777-7777-4777-8777-777777777777',
  target: {
    quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 14, end: 14 },
    area: { page: 1, rect: { x: 72.5, y: 400, width: 300, height: 200.25 }, view: [0, 0, 595.28, 841.89] },
  },
  note: 'Hình 2',
};

/** A library whose PDF article has its page map stored, as the store keeps it. */
const source = () =>
  new MemoryExportSource({
    articles: [paper],
    annotations: [highlight, figure],
    contents: { [paper.id]: { text: '', blocks: [], pages: PAGES } },
  });

describe('export of a PDF article', () => {
  it('gives each highlight its page label in Markdown, and the page count and DOI in the front matter', async () => {
    const [file] = await renderExport(source(), { scope: { kind: 'article', id: ID }, format: 'md' });
    expect(file!.content).toContain('\npages: 2\ndoi: "10.1000/xyz123"\n');
    expect(file!.content).toContain('> Chương một\n\n^gloss-33333333\n\np. 12 · 🟩');
  });

  it('adds an RFC 3778 FragmentSelector with the page number to Web Annotation, and reads it back', async () => {
    const [file] = await renderExport(source(), { scope: { kind: 'article', id: ID }, format: 'json' });
    const json = JSON.parse(file!.content) as {
      first: { items: { id: string; target: { selector: unknown[] } }[] };
    };
    const selectors = (id: string) => json.first.items.find((item) => item.id.endsWith(id))!.target.selector;
    expect(selectors(highlight.id)).toContainEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2',
    });
    // The area: its view rectangle from the page's top-left corner (841.89 − 600.25 = 241.64).
    expect(selectors(figure.id)).toEqual([
      {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
        value: 'page=2&viewrect=72.5,241.64,300,200.25',
      },
      { type: 'TextPositionSelector', start: 14, end: 14 },
    ]);
    const empty = new MemoryExportSource({ articles: [paper], annotations: [] });
    expect(await importWebAnnotations(empty, file!.content)).toEqual({ imported: 2, skipped: 0 });
    const [area, text] = await empty.listAnnotations(ID);
    expect(text!.target).toEqual(highlight.target);
    expect(area).toMatchObject({ id: figure.id, note: 'Hình 2', target: figure.target });
  });
});

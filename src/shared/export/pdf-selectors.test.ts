import { describe, expect, it } from 'vitest';
import { reanchorAll } from '../anchoring/reanchor';
import { annotationSchema, byDocumentOrder, type Annotation } from '../model/annotation';
import type { ArticleMeta } from '../model/article';
import { renderMarkdown } from './markdown';
import { parseWebAnnotations, toAnnotationCollection } from './web-annotation';

const ARTICLE = '6f1d2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const TEXT = 'First page text.\n\nSecond page has a figure.';
const pages = [
  { index: 0, label: 'i', start: 0, end: 16 },
  { index: 1, label: '4', start: 18, end: TEXT.length },
];

const base = {
  articleId: ARTICLE,
  color: 'blue' as const,
  note: '',
  tags: [],
  createdAt: '2024-04-02T09:00:00.000Z',
  updatedAt: '2024-04-02T09:00:00.000Z',
  deleted: false,
  orphaned: false,
};

/** "page text" on page i, with its rectangle (points) as the reader measured it. */
const text: Annotation = {
  ...base,
  id: '5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a69',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'page text', prefix: 'First ', suffix: TEXT.slice(15, 47) },
    position: { type: 'TextPositionSelector', start: 6, end: 15 },
    pdf: [{ page: 0, rects: [{ x: 96.5, y: 700.25, width: 61.2, height: 11 }] }],
  },
};

/** A figure on page 4 (index 1) of a US Letter page. */
const area: Annotation = {
  ...base,
  id: '5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a70',
  note: 'Figure 2: the pipeline',
  tags: ['figure'],
  target: {
    quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 18, end: 18 },
    area: { page: 1, rect: { x: 72, y: 400, width: 300, height: 200 }, view: [0, 0, 612, 792] },
  },
};

describe('PDF selectors in the annotation model', () => {
  it('accepts a highlight stored before rectangles were kept, one with rectangles, and an area', () => {
    const { pdf: _pdf, ...older } = text.target;
    expect(annotationSchema.safeParse({ ...text, target: older }).success).toBe(true);
    expect(annotationSchema.safeParse(text).success).toBe(true);
    expect(annotationSchema.safeParse(area).success).toBe(true);
  });

  it('refuses an area with text, a text highlight without a quote, and an empty rectangle', () => {
    const withText = { ...area.target, quote: text.target.quote };
    expect(annotationSchema.safeParse({ ...area, target: withText }).success).toBe(false);
    const { area: _area, ...noArea } = area.target;
    expect(annotationSchema.safeParse({ ...area, target: noArea }).success).toBe(false);
    const flat = { ...area.target.area!, rect: { x: 0, y: 0, width: 10, height: 0 } };
    expect(annotationSchema.safeParse({ ...area, target: { ...area.target, area: flat } }).success).toBe(
      false,
    );
  });

  it('sorts an area with its page', () => {
    expect([area, text].sort(byDocumentOrder).map((a) => a.id)).toEqual([text.id, area.id]);
  });
});

describe('Web Annotation with PDF selectors', () => {
  const ids = {
    id: 'urn:uuid:00000000-0000-4000-8000-00000000c011',
    pageId: 'urn:uuid:00000000-0000-4000-8000-0000000000a9',
    label: 'x',
  };

  it('writes an area as a page fragment with its view rectangle from the top-left corner, and reads it back', () => {
    const doc = JSON.parse(JSON.stringify(toAnnotationCollection([text, area], ids)));
    const [, written] = doc.first.items;
    expect(written.target.selector[0]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2&viewrect=72,192,300,200',
    });
    expect(written.target.selector.some((s: { type: string }) => s.type === 'TextQuoteSelector')).toBe(false);
    expect(parseWebAnnotations(JSON.stringify(doc), '2024-06-01T00:00:00.000Z')).toEqual([text, area]);
  });
});

describe('Markdown with PDF areas', () => {
  it('writes an area as its page label, with its note and tags and no quote', () => {
    const meta: ArticleMeta = {
      id: ARTICLE,
      title: 'A paper',
      author: null,
      published: null,
      sourceFile: `articles/${ARTICLE}.pdf`,
      format: 'pdf',
      contentHash: '0'.repeat(64),
      wordCount: 8,
      charCount: TEXT.length,
      tags: [],
      progress: 0,
      highlightCount: 2,
      createdAt: '2024-04-01T00:00:00.000Z',
      updatedAt: '2024-04-01T00:00:00.000Z',
      deleted: false,
    };
    const [file] = renderMarkdown([{ article: meta, note: '', highlights: [text, area], pages }], {
      combined: false,
      exported: '2024-05-01T08:30:00.000Z',
      combinedName: 'x.md',
    });
    expect(file?.content).toContain('> page text');
    expect(file?.content).toContain('> *Area on p. 4*\n');
    expect(file?.content).toMatch(/p\. 4 · 🟦 · #figure · \[Open in Gloss\]/);
    expect(file?.content).toContain('Figure 2: the pipeline');
  });
});

describe('re-anchoring PDF highlights', () => {
  it('keeps an area where it was drawn, and the rectangles of a text highlight only while its text stays put', () => {
    const same = reanchorAll([text, area], TEXT).results;
    expect(same.map((r) => [r.orphaned, r.target])).toEqual([
      [false, text.target],
      [false, area.target],
    ]);
    const moved = reanchorAll([text, area], `Preface.\n\n${TEXT}`).results;
    expect(moved[0]?.target.position.start).toBe(16);
    expect(moved[0]?.target.pdf).toBeUndefined();
    expect(moved[1]?.target).toEqual(area.target);
  });
});

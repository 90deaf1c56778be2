// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';

const calls = vi.hoisted(() => ({ whole: 0 }));

const TEXT = 'Trang một.\n\nTrang hai.';
const PAGES = [
  { index: 0, label: '1', start: 0, end: 10 },
  { index: 1, label: '2', start: 12, end: 22 },
];
const article: ArticleMeta = {
  id: 'paper',
  title: 'paper',
  author: null,
  published: null,
  sourceFile: 'articles/paper.pdf',
  format: 'pdf',
  contentHash: 'paper',
  wordCount: 4,
  charCount: TEXT.length,
  tags: [],
  progress: 0,
  highlightCount: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
};

vi.mock('../reader/pdf/article-source', () => ({ startArticlePdf: (id: string) => ({ id }) }));
vi.mock('../reader/pdf/pdfjs', () => ({ dropPdf: () => undefined }));
vi.mock('../api', () => ({
  api: {
    getArticleExcerpt: async () => ({
      ok: true,
      value: {
        article,
        layout: { kinds: 'pp', bounds: [0, 10, 12, 22], toc: [] },
        blocks: [{ kind: 'paragraph', start: 0, end: 10 }],
        pages: PAGES,
        note: '',
        length: TEXT.length,
        excerpt: { from: 0, to: 1, text: 'Trang một.' },
      },
    }),
    listAnnotations: async () => ({ ok: true, value: [] }),
    getArticle: async () => {
      calls.whole++;
      return {
        ok: true,
        value: {
          article,
          text: TEXT,
          blocks: [
            { kind: 'paragraph', start: 0, end: 10 },
            { kind: 'paragraph', start: 12, end: 22 },
          ],
          pages: PAGES,
          note: '',
        },
      };
    },
  },
}));

const { useStore } = await import('./store');

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  calls.whole = 0;
  useStore.setState({ pdfStart: null, content: null });
});

describe('opening a PDF', () => {
  it('shows its page map with the first screen, and fetches the whole text once its first page is drawn', async () => {
    useStore.setState({ articles: [article] });
    const opened = useStore.getState().openArticle('paper');
    await settle();
    expect(useStore.getState().content).toMatchObject({ whole: false, pages: PAGES });
    expect(calls.whole).toBe(0);
    useStore.getState().pdfPagesShown();
    await opened;
    expect(calls.whole).toBe(1);
    expect(useStore.getState().content).toMatchObject({ whole: true, text: TEXT, pages: PAGES });
  });

  it('fetches the whole text after a while even when no page is drawn', async () => {
    vi.useFakeTimers();
    try {
      useStore.setState({ articles: [article] });
      const opened = useStore.getState().openArticle('paper');
      await vi.advanceTimersByTimeAsync(2_900);
      expect(calls.whole).toBe(0);
      await vi.advanceTimersByTimeAsync(200);
      await opened;
      expect(calls.whole).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

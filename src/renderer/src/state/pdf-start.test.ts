// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';

const calls = vi.hoisted(() => ({ started: [] as string[], dropped: [] as string[], excerpts: 0 }));

vi.mock('../reader/pdf/article-source', () => ({
  startArticlePdf: (id: string) => {
    calls.started.push(id);
    return { id };
  },
}));
vi.mock('../reader/pdf/pdfjs', () => ({
  dropPdf: (start: { id: string }) => void calls.dropped.push(start.id),
}));
vi.mock('../api', () => ({
  api: {
    // Never answers: what matters is what happens before the first screen arrives.
    getArticleExcerpt: () => {
      calls.excerpts++;
      return new Promise(() => undefined);
    },
  },
}));

const { useStore } = await import('./store');

const meta = (id: string, format: ArticleMeta['format']): ArticleMeta => ({
  id,
  title: id,
  author: null,
  published: null,
  sourceFile: `articles/${id}.${format}`,
  format,
  contentHash: id,
  wordCount: 1,
  charCount: 1,
  tags: [],
  progress: 0,
  highlightCount: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
});

afterEach(() => {
  calls.started.length = 0;
  calls.dropped.length = 0;
  calls.excerpts = 0;
  useStore.setState({ pdfStart: null });
});

describe('opening a PDF', () => {
  it('sets its loading going with the request for its first screen, and hands it to the reader once', () => {
    useStore.setState({ articles: [meta('paper', 'pdf'), meta('note', 'txt')] });
    void useStore.getState().openArticle('paper');
    expect(calls.excerpts).toBe(1);
    expect(calls.started).toEqual(['paper']);
    expect(useStore.getState().takePdfStart('note')).toBeNull();
    expect(useStore.getState().takePdfStart('paper')).toEqual({ id: 'paper' });
    expect(useStore.getState().takePdfStart('paper')).toBeNull();
    expect(calls.dropped).toEqual([]);
  });

  it('starts nothing for other formats, and lets go of a start the reader never took', () => {
    useStore.setState({ articles: [meta('paper', 'pdf'), meta('note', 'txt')] });
    void useStore.getState().openArticle('paper');
    void useStore.getState().openArticle('note');
    expect(calls.started).toEqual(['paper']);
    expect(calls.dropped).toEqual(['paper']);
    expect(useStore.getState().pdfStart).toBeNull();
  });
});

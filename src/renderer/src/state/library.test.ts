// @vitest-environment jsdom
import { beforeEach, expect, it, vi } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import type { Result } from '../../../shared/result';

/** The library the fake host serves, newest first; `asked` records each listArticles call. */
const library: { articles: ArticleMeta[]; asked: { first?: number; skip?: number }[] } = {
  articles: [],
  asked: [],
};

vi.mock('../api', () => ({
  api: {
    listArticles: async (params: { first?: number; skip?: number }): Promise<Result<ArticleMeta[]>> => {
      library.asked.push(params);
      const skip = params.skip ?? 0;
      const page = library.articles.slice(skip, params.first === undefined ? undefined : skip + params.first);
      return { ok: true, value: page };
    },
  },
}));

const { useStore } = await import('./store');

const article = (i: number) => ({ id: `a${i}`, title: `Bài ${i}` }) as ArticleMeta;

beforeEach(() => {
  library.articles = Array.from({ length: 2500 }, (_, i) => article(i));
  library.asked = [];
  useStore.setState({ articles: [], articlesLoaded: false });
});

it('shows the first page, then reads the whole list a page at a time and shows it complete', async () => {
  const shown: [number, boolean][] = [];
  const stop = useStore.subscribe((s) => shown.push([s.articles.length, s.articlesLoaded]));
  await useStore.getState().loadArticles();
  stop();
  expect(shown).toEqual([
    [40, false],
    [1000, false],
    [2000, false],
    [2500, true],
  ]);
  const { articles, articlesLoaded } = useStore.getState();
  expect(articlesLoaded).toBe(true);
  expect(articles.map((a) => a.id)).toEqual(library.articles.map((a) => a.id));
  expect(library.asked.every((p) => p.first !== undefined && p.first <= 1000)).toBe(true);
});

it('keeps an article once when one added while the pages are read shifts them', async () => {
  const loading = useStore.getState().loadArticles();
  await vi.waitFor(() => expect(library.asked.some((p) => p.skip === 0 && p.first === 1000)).toBe(true));
  library.articles.unshift(article(9999));
  await loading;
  const ids = useStore.getState().articles.map((a) => a.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(2500);
});

it('reads a library of one page with one request, and a later call wins over an earlier one', async () => {
  library.articles = library.articles.slice(0, 12);
  await useStore.getState().loadArticles();
  expect(library.asked).toHaveLength(1);
  expect(useStore.getState()).toMatchObject({ articlesLoaded: true });

  library.articles = Array.from({ length: 1500 }, (_, i) => article(i));
  const earlier = useStore.getState().loadArticles();
  library.articles = library.articles.slice(0, 3);
  const later = useStore.getState().loadArticles();
  await Promise.all([earlier, later]);
  expect(useStore.getState().articles.map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
});

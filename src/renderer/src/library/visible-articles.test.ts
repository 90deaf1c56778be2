import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import { filterArticles, foldFilterTexts, sortArticles, sortedTags } from './visible-articles';

function article(id: string, title: string, extra: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id,
    title,
    author: null,
    published: null,
    tags: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  } as ArticleMeta;
}

const articles = [
  article('a', 'Bài 10: Sơn Trà', { createdAt: '2024-01-03T00:00:00.000Z', tags: ['Biển'] }),
  article('b', 'bài 2: Đà Nẵng', { createdAt: '2024-01-01T00:00:00.000Z', author: 'Trần Sơn' }),
  article('c', 'Ăn sáng', { createdAt: '2024-01-02T00:00:00.000Z', published: '2023-05-01', tags: ['rừng'] }),
];

describe('sortArticles', () => {
  it('orders by newest added, by title (Vietnamese, numbers by value) or by newest published', () => {
    expect(sortArticles(articles, 'recent').map((a) => a.id)).toEqual(['a', 'c', 'b']);
    expect(sortArticles(articles, 'title').map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(sortArticles(articles, 'date').map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('filterArticles', () => {
  const sorted = sortArticles(articles, 'recent');
  const texts = new WeakMap<ArticleMeta, string>();
  foldFilterTexts(articles, 0, texts, () => false);

  it('keeps the sorted order and matches title, author and tags without diacritics', () => {
    expect(filterArticles(sorted, 'son', '', texts).map((a) => a.id)).toEqual(['a', 'b']);
    expect(filterArticles(sorted, '  DA NANG ', '', texts).map((a) => a.id)).toEqual(['b']);
    expect(filterArticles(sorted, 'rung', '', texts).map((a) => a.id)).toEqual(['c']);
  });

  it('filters by tag case-insensitively, with the query too', () => {
    expect(filterArticles(sorted, '', 'biển', texts).map((a) => a.id)).toEqual(['a']);
    expect(filterArticles(sorted, 'da nang', 'biển', texts)).toEqual([]);
  });

  it('folds on the spot the texts not folded yet, and keeps them', () => {
    const folded = new WeakMap<ArticleMeta, string>();
    expect(filterArticles(sorted, 'son', '', folded).map((a) => a.id)).toEqual(['a', 'b']);
    expect(folded.get(articles[1]!)).toBe('bai 2: da nang tran son ');
  });

  it('returns the sorted list itself when nothing filters', () => {
    expect(filterArticles(sorted, ' ', '', texts)).toBe(sorted);
  });
});

describe('foldFilterTexts', () => {
  it('folds title, author and tags from an index until told to stop, and keeps folds it has', () => {
    const folded = new WeakMap<ArticleMeta, string>();
    let asked = 0;
    expect(foldFilterTexts(articles, 1, folded, () => ++asked === 1)).toBe(2);
    expect(folded.get(articles[1]!)).toBe('bai 2: da nang tran son ');
    expect(folded.has(articles[0]!) || folded.has(articles[2]!)).toBe(false);
    folded.set(articles[2]!, 'folded before');
    expect(foldFilterTexts(articles, 0, folded, () => false)).toBe(3);
    expect(folded.get(articles[2]!)).toBe('folded before');
    expect(folded.get(articles[0]!)).toBe('bai 10: son tra  bien');
  });
});

describe('sortedTags', () => {
  it('sorts tag names the Vietnamese way', () => {
    expect(sortedTags(new Set(['rừng', 'Biển', 'ăn uống', 'an']))).toEqual(['an', 'ăn uống', 'Biển', 'rừng']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import { filterArticles, filterTexts, sortArticles, sortedTags } from './visible-articles';

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
  const texts = filterTexts(articles);

  it('keeps the sorted order and matches title, author and tags without diacritics', () => {
    expect(filterArticles(sorted, 'son', '', texts).map((a) => a.id)).toEqual(['a', 'b']);
    expect(filterArticles(sorted, '  DA NANG ', '', texts).map((a) => a.id)).toEqual(['b']);
    expect(filterArticles(sorted, 'rung', '', texts).map((a) => a.id)).toEqual(['c']);
  });

  it('filters by tag case-insensitively, with the query too', () => {
    expect(filterArticles(sorted, '', 'biển', texts).map((a) => a.id)).toEqual(['a']);
    expect(filterArticles(sorted, 'da nang', 'biển', texts)).toEqual([]);
  });

  it('returns the sorted list itself when nothing filters', () => {
    expect(filterArticles(sorted, ' ', '', texts)).toBe(sorted);
  });
});

describe('sortedTags', () => {
  it('sorts tag names the Vietnamese way', () => {
    expect(sortedTags(new Set(['rừng', 'Biển', 'ăn uống', 'an']))).toEqual(['an', 'ăn uống', 'Biển', 'rừng']);
  });
});

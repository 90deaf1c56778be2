import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import { ArticleIndex } from './article-index';
import { toSearchForm } from './search-form';

const ARTICLE_ID = '33333333-3333-4333-8333-333333333333';
const TEXT = 'Bán đảo Sơn Trà. '.repeat(2_000);
const MANY = 1_000;

const meta: ArticleMeta = {
  id: ARTICLE_ID,
  title: 'Sơn Trà',
  author: null,
  published: null,
  sourceFile: 'articles/son-tra.txt',
  format: 'txt',
  contentHash: 'hash',
  wordCount: 8_000,
  charCount: TEXT.length,
  tags: [],
  progress: 0,
  highlightCount: MANY,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
};

function highlight(i: number, note: string): Annotation {
  const start = (i * 17) % (TEXT.length - 20);
  return {
    id: `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`,
    articleId: ARTICLE_ID,
    target: {
      quote: { type: 'TextQuoteSelector', exact: TEXT.slice(start, start + 7), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + 7 },
    },
    color: 'yellow',
    note,
    tags: i % 2 ? ['Đà Nẵng'] : [],
    createdAt: '2024-01-02T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

/** An index holding one article with MANY highlights, each with a note. */
function indexWithMany(): ArticleIndex {
  const index = new ArticleIndex({
    formOf: (entry) => entry.form ?? toSearchForm(TEXT).form,
    textAt: (_entry, start, end) => TEXT.slice(start, end),
  });
  const annotations = Array.from({ length: MANY }, (_, i) => highlight(i, `ghi chú số ${i}`));
  index.put(meta, { text: TEXT, blocks: [{ kind: 'p', start: 0, end: TEXT.length }] }, annotations);
  return index;
}

const found = (index: ArticleIndex, words: string) =>
  index.mini
    .search({ combineWith: 'AND', queries: words.split(' ') }, { fields: ['notes', 'labels'] })
    .map((result) => String(result.id));

describe('ArticleIndex, one highlight changed in an article with many', () => {
  it('re-indexes only that highlight, whatever the number of others', () => {
    const index = indexWithMany();
    const add = vi.spyOn(index.mini, 'add');
    const discard = vi.spyOn(index.mini, 'discard');

    index.putHighlight(highlight(MANY, 'vịnh mới'));
    index.putHighlight(highlight(7, 'đèo Hải Vân'));
    index.removeHighlight(highlight(8, '').id);

    expect(add.mock.calls.map(([doc]) => doc.notes)).toEqual(['vinh moi', 'deo hai van']);
    expect(discard).toHaveBeenCalledTimes(2);
    expect(found(index, 'vinh moi')).toEqual([`n:${ARTICLE_ID} ${highlight(MANY, '').id}`]);
    expect(found(index, 'deo hai van')).toHaveLength(1);
    expect(found(index, 'ghi chu so 7')).toEqual([]);
    expect(found(index, 'ghi chu so 8')).toEqual([]);
    expect(found(index, 'ghi chu so 9')).toHaveLength(1);
  });

  it('keeps the highlights in document order, each findable by its tags', () => {
    const index = indexWithMany();
    index.putHighlight(highlight(MANY + 1, 'cuối'));
    const entry = index.articles.get(ARTICLE_ID);
    const starts = entry?.highlights.starts ?? [];
    expect(starts).toHaveLength(MANY + 1);
    expect(starts.every((start, i) => i === 0 || (starts[i - 1] as number) <= start)).toBe(true);
    expect(found(index, 'da nang')).toHaveLength(MANY / 2 + 1);
  });
});

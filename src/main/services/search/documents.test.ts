import { describe, expect, it } from 'vitest';
import { articleIdOf, bodyDoc, docWords, highlightDocs, weightedWords } from './documents';
import { highlightsOf } from './highlights';

describe('weightedWords', () => {
  it('repeats each word 1 + log2(count) times', () => {
    expect(weightedWords('dang dang dang dang nang dang')).toEqual(['dang', 'dang', 'dang', 'nang']);
  });
});

describe('documents', () => {
  it('folds the body fields and collects their distinct words', () => {
    const doc = bodyDoc({ id: 'x', title: 'Đà Nẵng', author: null, tags: ['Sơn Trà'] }, 'da nang ban dao');
    expect(doc).toEqual({
      id: 'b:x',
      title: 'da nang',
      author: '',
      tags: 'son tra',
      text: 'da nang ban dao',
    });
    expect(docWords(doc)).toEqual(new Set(['da', 'nang', 'son', 'tra', 'ban', 'dao']));
  });

  it('holds notes, kept quotes and tags of the highlights; none when there is nothing to find', () => {
    const row = { color: 'yellow', start: 0, end: 3, tags: [] as string[] } as const;
    const highlights = highlightsOf([
      { ...row, id: 'a', note: 'Ý chính', tags: ['Nghị quyết'] },
      { ...row, id: 'b', note: '', quote: 'Bãi biển' },
    ]);
    expect(highlightDocs('x', highlights)).toEqual([
      { id: 'n:x a', notes: 'y chinh', labels: 'nghi quyet' },
      { id: 'n:x b', notes: 'bai bien', labels: '' },
    ]);
    expect(highlightDocs('x', highlightsOf([{ ...row, id: 'c', note: '' }]))).toEqual([]);
    expect(['b:x', 'n:x a'].map(articleIdOf)).toEqual(['x', 'x']);
  });
});

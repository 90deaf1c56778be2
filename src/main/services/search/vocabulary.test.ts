import { describe, expect, it } from 'vitest';
import { oneEditApart, Vocabulary } from './vocabulary';

describe('Vocabulary', () => {
  const vocabulary = () => {
    const v = new Vocabulary();
    v.add(['dang', 'danh', 'dao', 'da', 'nang']);
    v.add(['dang', 'dao', 'duong']);
    v.add(['dang']);
    return v;
  };

  it('completes a prefix to the most common longer words that fit the budget of documents', () => {
    expect(vocabulary().completions('da', 5)).toEqual(['dang', 'dao']);
    expect(vocabulary().completions('da', 1)).toEqual(['dang']);
    expect(vocabulary().completions('d', 10)).toEqual(['dang', 'dao', 'da', 'danh', 'duong']);
    expect(vocabulary().completions('x', 3)).toEqual([]);
  });

  it('corrects a word to its common neighbours one edit away', () => {
    expect(vocabulary().neighbours('duongg', 3)).toEqual(['duong']);
    expect(vocabulary().neighbours('dnag', 3)).toEqual(['dang']);
    expect(vocabulary().neighbours('dan', 6)).toEqual(['dang', 'dao', 'danh']);
  });

  it('forgets words no document holds any more, and survives a save', () => {
    const v = vocabulary();
    v.remove(['dang', 'dao', 'duong']);
    expect(v.has('duong')).toBe(false);
    expect(v.completions('d', 10)).toEqual(['dang', 'da', 'danh', 'dao']);
    const copy = Vocabulary.fromJSON(JSON.parse(JSON.stringify(v)));
    expect(copy.completions('d', 10)).toEqual(v.completions('d', 10));
  });
});

describe('oneEditApart', () => {
  it('accepts one insertion, deletion, substitution or swap and nothing else', () => {
    expect(['nguyen', 'ngyuen', 'nguyenn', 'nguye', 'nguyan'].map((w) => oneEditApart('nguyen', w))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(oneEditApart('nguyen', 'ngyen')).toBe(true);
    expect(oneEditApart('nguyen', 'nyugen')).toBe(false);
    expect(oneEditApart('nguyen', 'nguyxx')).toBe(false);
  });
});

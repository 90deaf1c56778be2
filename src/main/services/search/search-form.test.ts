import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/search/query';
import { fold } from '../../../shared/text/fold';
import { SON_TRA_TEXT } from './fixtures/son-tra';
import {
  containsWords,
  forEachOccurrence,
  formPattern,
  formWords,
  toSearchForm,
  toTextRange,
} from './search-form';

describe('toSearchForm', () => {
  it('folds Vietnamese unit for unit, punctuation to spaces, line breaks kept', () => {
    const { form, map } = toSearchForm('Đà Nẵng, “ý Đảng – lòng Dân”.\nThứ sáu');
    expect(form).toBe('da nang   y dang   long dan  \nthu sau');
    expect(map).toBeUndefined();
  });

  it('has exactly the words the query parser folds to, on the sample and on awkward text', () => {
    const awkward = 'Ω ΟΔΟΣ İstanbul ß e\u0301 한국 😀 a\u{1d15e}b \ud800 ﬁ Σ';
    for (const text of [SON_TRA_TEXT, awkward, SON_TRA_TEXT.normalize('NFD')]) {
      expect(formWords(toSearchForm(text).form)).toEqual(tokenize(fold(text)));
    }
  });

  it('maps offsets back where folding changes the length of the text', () => {
    const text = 'Han 한국 e\u0301 Đảng';
    const searchForm = toSearchForm(text);
    expect(searchForm.map).toBeDefined();
    const at = searchForm.form.indexOf('dang');
    expect(text.slice(...toTextRange(searchForm, at, at + 4))).toBe('Đảng');
  });

  it('keeps emoji as two spaces and other astral letters as they are', () => {
    expect(toSearchForm('a😀b').form).toBe('a  b');
    expect(toSearchForm('𝐀x').form).toBe('𝐀x'.normalize('NFD').toLowerCase());
  });
});

describe('formPattern, forEachOccurrence and containsWords', () => {
  const form = toSearchForm('Sơn Trà (TP Đà Nẵng). Đà-Nẵng, Đà, Nẵng\nĐà\nNẵng, oda nang').form;
  const matches = (sequences: string[][]) =>
    [...form.matchAll(formPattern(sequences))].map((m) => m[0].replace(/ +/g, ' '));
  const occurrences = (words: string[]) => {
    const found: string[] = [];
    forEachOccurrence(form, words, (start, end) => found.push(form.slice(start, end)));
    return found;
  };

  it('matches whole-word sequences across punctuation but not across lines', () => {
    expect(matches([['da', 'nang']])).toEqual(['da nang', 'da nang', 'da nang']);
    expect(matches([['oda', 'da']])).toEqual([]);
    expect(matches([['da'], ['da', 'nang']])).toEqual(['da nang', 'da nang', 'da nang', 'da']);
    expect(matches([])).toEqual([]);
  });

  it('visits every occurrence the pattern matches, without the pattern', () => {
    for (const words of [['da', 'nang'], ['da'], ['nang'], ['oda', 'nang'], ['tra', 'tp', 'da'], ['a']]) {
      expect(occurrences(words)).toEqual([...form.matchAll(formPattern([words]))].map((m) => m[0]));
    }
    expect(occurrences(['da', 'nang'])).toEqual(['da nang', 'da nang', 'da  nang']);
  });

  it('finds a sequence quickly when single-spaced and otherwise through the pattern', () => {
    expect(containsWords(form, ['tp', 'da', 'nang'])).toBe(true);
    expect(containsWords('x da   nang', ['da', 'nang'])).toBe(true);
    expect(containsWords(form, ['oda', 'da'])).toBe(false);
    expect(containsWords(form, ['tra', 'da'])).toBe(false);
    expect(containsWords(form, ['an'])).toBe(false);
    expect(containsWords('oda nang', ['da', 'nang'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { GlossError } from '../result';
import { isEmptyQuery, isSeparator, parseQuery, tokenize } from './query';

describe('parseQuery', () => {
  it('folds words so "Đảng" and "dang" ask for the same thing', () => {
    expect(parseQuery('Đảng ').terms).toEqual(['dang']);
    expect(parseQuery('Đà Nẵng ').terms).toEqual(['da', 'nang']);
    expect(parseQuery('ĐÀ NẴNG').terms).toEqual(['da', 'nang']);
  });

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('Sơn Tr').prefixLast).toBe(true);
    expect(parseQuery('Sơn Tr ').prefixLast).toBe(false);
    expect(parseQuery('Sơn Trà.').prefixLast).toBe(false);
    expect(parseQuery('Sơn "Trà"').prefixLast).toBe(false);
    expect(parseQuery('Sơn tag:x').prefixLast).toBe(false);
  });

  it('splits words on punctuation and symbols as the index does', () => {
    expect(parseQuery('15-NQ/TW T.Ư ').terms).toEqual(['15', 'nq', 'tw', 't', 'u']);
    const nfd = 'ý đảng – lòng dân'.normalize('NFD');
    expect(tokenize(nfd)).toEqual(['ý', 'đảng', 'lòng', 'dân'].map((word) => word.normalize('NFD')));
    expect([' ', '–', '“', '\n', '$', '😀'].every(isSeparator)).toBe(true);
    expect(['a', 'đ', '1', '\u0301', 'a b'].some(isSeparator)).toBe(false);
  });

  it('reads quoted phrases as folded words in order, an unclosed quote running to the end', () => {
    const query = parseQuery('khảo sát "Đà Nẵng" "Sơn  Trà');
    expect(query.terms).toEqual(['khao', 'sat']);
    expect(query.phrases).toEqual([
      ['da', 'nang'],
      ['son', 'tra'],
    ]);
    expect(parseQuery('"" x').phrases).toEqual([]);
  });

  it('reads tag, colour and scope filters, leaving other colons as text', () => {
    const query = parseQuery('tag:"Kinh tế" TAG:Đảng color:yellow colour:Red in:notes 09:35 ');
    expect(query.tags).toEqual(['kinh te', 'dang']);
    expect(query.colors).toEqual(['yellow', 'red']);
    expect(query.scope).toBe('notes');
    expect(query.terms).toEqual(['09', '35']);
    expect(parseQuery('in:text').scope).toBe('text');
  });

  it('accepts unambiguous prefixes of colours and scopes and ignores a filter still empty', () => {
    expect(parseQuery('color:ye in:n').colors).toEqual(['yellow']);
    expect(parseQuery('color:gra').colors).toEqual(['gray']);
    expect(parseQuery('đảng tag:')).toEqual(parseQuery('đảng '));
  });

  it('rejects unknown or ambiguous colours and scopes with the valid names', () => {
    const error = (input: string) => {
      try {
        parseQuery(input);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(error('color:pink')).toBeInstanceOf(GlossError);
    expect((error('color:pink') as GlossError).message).toContain('yellow, red, green');
    expect((error('color:gr') as GlossError).message).toContain('ambiguous (green, gray)');
    expect((error('in:titles') as GlossError).code).toBe('invalid-argument');
    expect((error('in:notes in:text') as GlossError).message).toContain('not both');
  });

  it('knows an empty query', () => {
    expect(isEmptyQuery(parseQuery('  " " tag: '))).toBe(true);
    expect(isEmptyQuery(parseQuery('in:notes'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAll, matchesIn, type Matches } from './find';

const SAMPLE = readFileSync(
  new URL('../../../resources/samples/son-tra-khao-sat.txt', import.meta.url),
  'utf8',
).normalize('NFC');
const ranges = (matches: Matches) =>
  Array.from(matches.starts, (start, i) => ({ start, end: matches.ends[i]! }));
const covered = (text: string, matches: Matches) => ranges(matches).map((r) => text.slice(r.start, r.end));

describe('findAll', () => {
  it('finds Đảng, đang, dạng and đăng for "dang", ignoring accents and case', () => {
    const text = 'Đảng bộ đang đa dạng hóa; DANG dở, đăng tin.';
    expect(covered(text, findAll(text, 'dang'))).toEqual(['Đảng', 'đang', 'dạng', 'DANG', 'đăng']);
  });

  it('finds every "dang" of the sample, as many as its Vietnamese spellings listed by hand', () => {
    const spellings = SAMPLE.match(/[dđ][aàáảãạăằắẳẵặâầấẩẫậ]ng/giu) ?? [];
    const matches = findAll(SAMPLE, 'dang');
    expect(matches.starts.length).toBe(spellings.length);
    expect(matches.starts.length).toBeGreaterThan(10);
    expect(covered(SAMPLE, matches)).toEqual(spellings);
  });

  it('matches accents exactly but not case in exact mode', () => {
    const text = 'Đảng bộ đang đa dạng hóa; DANG dở, đăng tin.';
    expect(covered(text, findAll(text, 'đang', { exact: true }))).toEqual(['đang']);
    expect(covered(text, findAll(text, 'đảng', { exact: true }))).toEqual(['Đảng']);
    expect(findAll(SAMPLE, 'dang', { exact: true }).starts).toHaveLength(0);
    expect(findAll(SAMPLE, 'Đảng', { exact: true }).starts.length).toBe(SAMPLE.match(/đảng/giu)?.length);
  });

  it('maps matches back to canonical offsets when folding changes lengths', () => {
    const text = 'Quận Sơ\u0300n Trà và Sơn Trà';
    expect(covered(text, findAll(text, 'son tra'))).toEqual(['Sơ\u0300n Trà', 'Sơn Trà']);
    const dotted = 'İstanbul, Đà Nẵng';
    expect(covered(dotted, findAll(dotted, 'nẵng', { exact: true }))).toEqual(['Nẵng']);
  });

  it('finds matches in order without overlapping', () => {
    expect(ranges(findAll('aaaa', 'aa'))).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('finds nothing for an empty, whitespace-only or accent-only query', () => {
    expect(findAll(SAMPLE, '').starts).toHaveLength(0);
    expect(findAll(SAMPLE, '  \n').starts).toHaveLength(0);
    expect(findAll(SAMPLE, '\u0301').starts).toHaveLength(0);
  });

  it('answers again for a different text after caching the previous one', () => {
    expect(findAll('Sơn Trà', 'tra').starts).toHaveLength(1);
    expect(findAll('Trà Trà', 'tra').starts).toHaveLength(2);
  });

  it('keeps a one-letter query on a long text in typed arrays, all matches counted', () => {
    const text = 'đa '.repeat(200_000);
    const matches = findAll(text, 'd');
    expect(matches.starts).toBeInstanceOf(Int32Array);
    expect(matches.starts.length).toBe(200_000);
    expect(matches.ends[199_999]).toBe(3 * 199_999 + 1);
  });
});

describe('matchesIn', () => {
  const text = 'Đảng bộ đang đa dạng hóa; DANG dở, đăng tin.';
  const matches = findAll(text, 'dang');

  it('gives the matches overlapping a range with their index, clipped to the range', () => {
    expect(matchesIn(matches, 5, 20)).toEqual([
      { index: 1, start: 8, end: 12 },
      { index: 2, start: 16, end: 20 },
    ]);
    expect(matchesIn(matches, 2, 10)).toEqual([
      { index: 0, start: 2, end: 4 },
      { index: 1, start: 8, end: 10 },
    ]);
  });

  it('gives nothing for a range between matches or beyond them', () => {
    expect(matchesIn(matches, 4, 8)).toEqual([]);
    expect(matchesIn(matches, 100, 200)).toEqual([]);
  });
});

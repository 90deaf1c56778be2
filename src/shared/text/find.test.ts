import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAll } from './find';

const SAMPLE = readFileSync(
  new URL('../../../resources/samples/son-tra-khao-sat.txt', import.meta.url),
  'utf8',
).normalize('NFC');
const covered = (text: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => text.slice(r.start, r.end));

describe('findAll', () => {
  it('finds Đảng, đang, dạng and đăng for "dang", ignoring accents and case', () => {
    const text = 'Đảng bộ đang đa dạng hóa; DANG dở, đăng tin.';
    expect(covered(text, findAll(text, 'dang'))).toEqual(['Đảng', 'đang', 'dạng', 'DANG', 'đăng']);
  });

  it('finds every "dang" of the sample, as many as its Vietnamese spellings listed by hand', () => {
    const spellings = SAMPLE.match(/[dđ][aàáảãạăằắẳẵặâầấẩẫậ]ng/giu) ?? [];
    const matches = findAll(SAMPLE, 'dang');
    expect(matches.length).toBe(spellings.length);
    expect(matches.length).toBeGreaterThan(10);
    expect(covered(SAMPLE, matches)).toEqual(spellings);
  });

  it('matches accents exactly but not case in exact mode', () => {
    const text = 'Đảng bộ đang đa dạng hóa; DANG dở, đăng tin.';
    expect(covered(text, findAll(text, 'đang', { exact: true }))).toEqual(['đang']);
    expect(covered(text, findAll(text, 'đảng', { exact: true }))).toEqual(['Đảng']);
    expect(findAll(SAMPLE, 'dang', { exact: true })).toEqual([]);
    expect(findAll(SAMPLE, 'Đảng', { exact: true }).length).toBe(SAMPLE.match(/đảng/giu)?.length);
  });

  it('maps matches back to canonical offsets when folding changes lengths', () => {
    const text = 'Quận Sơ\u0300n Trà và Sơn Trà';
    expect(covered(text, findAll(text, 'son tra'))).toEqual(['Sơ\u0300n Trà', 'Sơn Trà']);
    const dotted = 'İstanbul, Đà Nẵng';
    expect(covered(dotted, findAll(dotted, 'nẵng', { exact: true }))).toEqual(['Nẵng']);
  });

  it('finds matches in order without overlapping', () => {
    expect(findAll('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('finds nothing for an empty, whitespace-only or accent-only query', () => {
    expect(findAll(SAMPLE, '')).toEqual([]);
    expect(findAll(SAMPLE, '  \n')).toEqual([]);
    expect(findAll(SAMPLE, '\u0301')).toEqual([]);
  });

  it('answers again for a different text after caching the previous one', () => {
    expect(findAll('Sơn Trà', 'tra')).toHaveLength(1);
    expect(findAll('Trà Trà', 'tra')).toHaveLength(2);
  });
});

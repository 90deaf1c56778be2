import { describe, expect, it } from 'vitest';
import { wordsPattern } from '../../../shared/search/query';
import { fold } from '../../../shared/text/fold';
import { cutSnippet } from './snippet';

const marked = (snippet: { text: string; marks: { start: number; end: number }[] }) =>
  snippet.marks.map((m) => snippet.text.slice(m.start, m.end));

describe('cutSnippet', () => {
  it('marks every match in a window around the first, on the original accented text', () => {
    const text = 'Sáng 31-3, Ban Chỉ đạo làm việc với Đảng bộ Q. Sơn Trà (TP Đà Nẵng), ý Đảng – lòng Dân.';
    const { snippet, start, end } = cutSnippet(text, fold(text), wordsPattern([['dang']]));
    expect(marked(snippet)).toEqual(['Đảng', 'Đảng']);
    expect(text.slice(start, end)).toBe('Đảng');
    expect(snippet.text).toBe(text);
  });

  it('cuts long text at word boundaries with ellipses and shows line breaks as spaces', () => {
    const text = `${'mở đầu '.repeat(30)}Đà\nNẵng${' kết thúc'.repeat(40)}`;
    const { snippet } = cutSnippet(text, fold(text), wordsPattern([['da', 'nang']]));
    expect(snippet.text.startsWith('…mở')).toBe(true);
    expect(snippet.text).toMatch(/ (kết|thúc)…$/u);
    expect(snippet.text.length).toBeLessThan(230);
    expect(marked(snippet)).toEqual(['Đà Nẵng']);
  });

  it('maps matches back exactly where folding changes the length of the text', () => {
    const text = 'Han 한국 e\u0301 Đảng';
    const folded = fold(text);
    expect(folded.length).not.toBe(text.length);
    const { snippet, start, end } = cutSnippet(text, folded, wordsPattern([['dang']]));
    expect(text.slice(start, end)).toBe('Đảng');
    expect(marked(snippet)).toEqual(['Đảng']);
  });

  it('shows the start of the text, unmarked, when nothing matches', () => {
    const { snippet, start, end } = cutSnippet('Không có gì', fold('Không có gì'), wordsPattern([]));
    expect(snippet).toEqual({ text: 'Không có gì', marks: [] });
    expect([start, end]).toEqual([0, 0]);
  });
});

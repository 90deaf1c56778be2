import { describe, expect, it } from 'vitest';
import { cutSnippet } from './snippet';

const marked = (snippet: { text: string; marks: { start: number; end: number }[] }) =>
  snippet.marks.map((m) => snippet.text.slice(m.start, m.end));

const rangesOf = (text: string, word: string) =>
  [...text.matchAll(new RegExp(word, 'g'))].map((m) => [m.index, m.index + word.length] as const);

describe('cutSnippet', () => {
  it('marks every match in a short text and keeps it whole', () => {
    const text = 'Làm việc với Đảng bộ Q. Sơn Trà, ý Đảng – lòng Dân.';
    const snippet = cutSnippet(text, rangesOf(text, 'Đảng'));
    expect(snippet.text).toBe(text);
    expect(marked(snippet)).toEqual(['Đảng', 'Đảng']);
  });

  it('cuts long text at word boundaries with ellipses and shows line breaks as spaces', () => {
    const text = `${'mở đầu '.repeat(30)}Đà\nNẵng${' kết thúc'.repeat(40)}`;
    const snippet = cutSnippet(text, [...rangesOf(text, 'Đà'), ...rangesOf(text, 'Nẵng')]);
    expect(snippet.text.startsWith('…mở')).toBe(true);
    expect(snippet.text).toMatch(/ (kết|thúc)…$/u);
    expect(snippet.text.length).toBeLessThan(230);
    expect(marked(snippet)).toEqual(['Đà Nẵng']);
  });

  it('leaves out matches outside the window', () => {
    const text = `Đảng ${'chữ '.repeat(100)}Đảng`;
    expect(marked(cutSnippet(text, rangesOf(text, 'Đảng')))).toEqual(['Đảng']);
  });

  it('shows the start of the text, unmarked, when nothing matches', () => {
    expect(cutSnippet('Không có gì', [])).toEqual({ text: 'Không có gì', marks: [] });
  });
});

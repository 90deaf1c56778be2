import { describe, expect, it } from 'vitest';
import { blockquote, escapeMarkdownText, noteMarkdown, obsidianTag, obsidianTags } from './escape';

describe('escapeMarkdownText', () => {
  it('escapes every line start that would open another block', () => {
    const cases: [string, string][] = [
      ['# Tiêu đề', '\\# Tiêu đề'],
      ['> trích', '\\> trích'],
      ['- mục', '\\- mục'],
      ['+ mục', '\\+ mục'],
      ['* mục', '\\* mục'],
      ['12. mục', '12\\. mục'],
      ['3) mục', '3\\) mục'],
      ['| a | b |', '\\| a \\| b \\|'],
      ['```js', '\\`\\`\\`js'],
      ['~~~', '\\~\\~\\~'],
      ['---', '\\---'],
      ['===', '\\=\\=\\='],
      ['2022. Năm', '2022\\. Năm'],
      ['<div>', '\\<div>'],
      ['[x]: https://example.com', '\\[x]: https://example.com'],
      ['   - thụt lề', '   \\- thụt lề'],
    ];
    for (const [text, escaped] of cases) expect(escapeMarkdownText(text)).toBe(escaped);
  });

  it('keeps text that only looks like a marker as it is', () => {
    for (const text of ['-5 độ', '2022.Năm', 'Trần Lưu Quang- Ủy viên', 'Q. Sơn Trà', '1.5 triệu', 'a = b']) {
      expect(escapeMarkdownText(text)).toBe(text);
    }
  });

  it('stops #words inside a line from becoming tags, and inline syntax from formatting', () => {
    expect(escapeMarkdownText('Đảng bộ #SơnTrà và #2022')).toBe('Đảng bộ \\#SơnTrà và \\#2022');
    expect(escapeMarkdownText('*a* _b_ `c` [d](e) ==f== ~~g~~ %%h%% $i$ ^j &amp;')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d](e) \\=\\=f\\=\\= \\~\\~g\\~\\~ \\%\\%h\\%\\% \\$i\\$ \\^j \\&amp;',
    );
    expect(escapeMarkdownText('a\\b')).toBe('a\\\\b');
  });

  it('keeps line breaks, as LF', () => {
    expect(escapeMarkdownText('Dòng một\r\n# hai\rba')).toBe('Dòng một\n\\# hai\nba');
  });
});

describe('noteMarkdown', () => {
  it('keeps the Markdown the user wrote: headings, lists, quotes, code, links and #tags', () => {
    const note = '## Tiêu đề\n\n- mục\n1. số\n\n> trích\n\n```\ncode\n```\n#quan-trọng **đậm** [liên kết](x)';
    expect(noteMarkdown(note)).toBe(note);
  });

  it('neutralises a line that would read as a Gloss marker', () => {
    expect(noteMarkdown('<!-- gloss:end -->')).toBe('\\<!-- gloss:end -->');
  });

  it('closes a code fence the note left open, so it cannot swallow what follows', () => {
    expect(noteMarkdown('trước\n```js\nx')).toBe('trước\n```js\nx\n```');
    expect(noteMarkdown('~~~~\na\n~~~~')).toBe('~~~~\na\n~~~~');
  });
});

describe('blockquote', () => {
  it('prefixes each line, blank lines with a bare ">"', () => {
    expect(blockquote('một\n\nhai')).toBe('> một\n>\n> hai');
  });
});

describe('obsidianTag', () => {
  it('replaces spaces and disallowed characters, keeping Vietnamese letters and nesting', () => {
    expect(obsidianTag('Đà Nẵng')).toBe('Đà-Nẵng');
    expect(obsidianTag('chính trị / xã hội')).toBe('chính-trị-/-xã-hội');
    expect(obsidianTag('chính trị/xã hội')).toBe('chính-trị/xã-hội');
    expect(obsidianTag('C++ & Rust!')).toBe('C-Rust');
    expect(obsidianTag('to_do-list')).toBe('to_do-list');
    expect(obsidianTag('Đa\u0300')).toBe('Đà');
  });

  it('makes a purely numeric tag valid and drops a tag with nothing left', () => {
    expect(obsidianTag('2022')).toBe('_2022');
    expect(obsidianTag('2022/04')).toBe('_2022/04');
    expect(obsidianTag('#')).toBeNull();
    expect(obsidianTag('   ')).toBeNull();
  });

  it('drops duplicates that only differed in disallowed characters', () => {
    expect(obsidianTags(['Đà Nẵng', 'Đà-Nẵng', '?', 'x'])).toEqual(['Đà-Nẵng', 'x']);
  });
});

import { describe, expect, it } from 'vitest';
import { blocksFromHtml, lineBlocks } from './blocks';
import { expectJoinedBlocks } from './fixtures/invariants';
import { sanitizeToFragment } from './sanitize';

const fromHtml = (html: string) => blocksFromHtml(sanitizeToFragment(html));
const summary = (html: string) => {
  const { text, blocks } = fromHtml(html);
  expectJoinedBlocks(text, blocks);
  return blocks.map((b) => [b.kind, text.slice(b.start, b.end), b.html]);
};

describe('lineBlocks', () => {
  it('makes each non-blank line a block, trimmed of surrounding whitespace', () => {
    const text = 'Tiêu đề\n\n  Đoạn một  \n\t\nĐoạn hai\n   \n';
    expect(lineBlocks(text).map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['p', 'Tiêu đề'],
      ['p', 'Đoạn một'],
      ['p', 'Đoạn hai'],
    ]);
  });

  it('finds no blocks in blank text', () => {
    expect(lineBlocks('')).toEqual([]);
    expect(lineBlocks(' \n\n ')).toEqual([]);
  });
});

describe('blocksFromHtml', () => {
  it('collapses whitespace across inline elements as a browser shows it', () => {
    expect(summary('<p>\n  Đà <em> Nẵng </em>\u00a0 <b>\n</b> mới\t</p>')).toEqual([
      ['p', 'Đà Nẵng mới', 'Đà <em>Nẵng </em><b></b>mới'],
    ]);
  });

  it('keeps a line break as one "\\n" and never makes a blank line inside a block', () => {
    expect(summary('<p><br>Dòng một <br> <br><br>dòng <i>hai<br></i></p>')).toEqual([
      ['p', 'Dòng một\ndòng hai', 'Dòng một\ndòng <i>hai</i>'],
    ]);
  });

  it('gives headings, list items and quotes their kind, paragraphs inside them included', () => {
    expect(
      summary(
        '<h2>Mục</h2><ul><li>một</li><li><p>hai</p><ul><li>hai.một</li></ul></li></ul>' +
          '<blockquote><p>trích</p><p>dẫn</p></blockquote><h3>Hết</h3>',
      ),
    ).toEqual([
      ['h2', 'Mục', 'Mục'],
      ['li', 'một', 'một'],
      ['li', 'hai', 'hai'],
      ['li', 'hai.một', 'hai.một'],
      ['blockquote', 'trích', 'trích'],
      ['blockquote', 'dẫn', 'dẫn'],
      ['h3', 'Hết', 'Hết'],
    ]);
  });

  it('turns bare text in containers, table cells and captions into paragraphs', () => {
    expect(
      summary('<div>trần <b>trụi</b><p>đoạn</p>đuôi</div><table><tr><th>A</th><td>1</td></tr></table>'),
    ).toEqual([
      ['p', 'trần trụi', 'trần <b>trụi</b>'],
      ['p', 'đoạn', 'đoạn'],
      ['p', 'đuôi', 'đuôi'],
      ['p', 'A', 'A'],
      ['p', '1', '1'],
    ]);
  });

  it('keeps whitespace in pre and splits it at blank lines', () => {
    expect(summary('<pre><code>if (a) {\n  b();\n}\n\n  \n  c &lt; d\n</code></pre>')).toEqual([
      ['pre', 'if (a) {\n  b();\n}', 'if (a) {\n  b();\n}'],
      ['pre', '  c < d', '  c &lt; d'],
    ]);
  });

  it('keeps inline markup and links in the block html', () => {
    expect(summary('<p>Xem <a href="https://baodanang.vn/">Báo <strong>Đà Nẵng</strong></a>.</p>')).toEqual([
      ['p', 'Xem Báo Đà Nẵng.', 'Xem <a href="https://baodanang.vn/">Báo <strong>Đà Nẵng</strong></a>.'],
    ]);
  });

  it('normalizes text that entities made non-NFC, keeping html and text in step', () => {
    expect(summary('<p>Vie&#x302;&#x323;<em>t</em></p>')).toEqual([['p', 'Việt', 'Việt']]);
  });

  it('skips empty blocks and rules', () => {
    expect(summary('<p> </p><hr><p><br></p><div>\n</div><p>x</p>')).toEqual([['p', 'x', 'x']]);
  });
});

describe('blocksFromHtml: structure', () => {
  const wraps = (html: string) => {
    const { text, blocks } = fromHtml(html);
    expectJoinedBlocks(text, blocks);
    return blocks.map((b) => [
      text.slice(b.start, b.end),
      (b.wrap ?? [])
        .map((w) => `${w.tag}${w.start ? `@${w.start}` : ''}${w.value ? `#${w.value}` : ''}`)
        .join('>'),
    ]);
  };

  it('keeps the lists each item sits in, with the numbers an ordered list shows, nested lists too', () => {
    expect(
      wraps(
        '<ol start="3"><li>ba</li><li>bốn<ul><li>con</li></ul></li><li value="9">chín</li><li>mười</li></ol>',
      ),
    ).toEqual([
      ['ba', 'ol@3>li#3'],
      ['bốn', 'ol@3>li#4'],
      ['con', 'ol@3>li#4>ul>li'],
      ['chín', 'ol@3>li#9'],
      ['mười', 'ol@3>li#10'],
    ]);
  });

  it('keeps tables (header row and cells), definition lists and figure captions', () => {
    expect(
      wraps(
        '<table><thead><tr><th>Tên</th><th>Tuổi</th></tr></thead><tbody><tr><td>An</td><td>30</td></tr></tbody></table>' +
          '<dl><dt>Đề án</dt><dd>Kế hoạch</dd></dl><figure><figcaption>Ảnh: Sơn Trà</figcaption></figure>',
      ),
    ).toEqual([
      ['Tên', 'table>thead>tr>th'],
      ['Tuổi', 'table>thead>tr>th'],
      ['An', 'table>tbody>tr>td'],
      ['30', 'table>tbody>tr>td'],
      ['Đề án', 'dl>dt'],
      ['Kế hoạch', 'dl>dd'],
      ['Ảnh: Sơn Trà', 'figure>figcaption'],
    ]);
  });

  it('numbers each element once, so two lists in a row stay two lists', () => {
    const { blocks } = fromHtml('<ul><li>a</li></ul><ul><li>b</li></ul>');
    expect(blocks[0]?.wrap?.[0]?.id).not.toBe(blocks[1]?.wrap?.[0]?.id);
    expect(blocks[0]?.wrap?.[1]?.id).not.toBe(blocks[1]?.wrap?.[1]?.id);
  });
});

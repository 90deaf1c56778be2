import { describe, expect, it, vi } from 'vitest';
import { convertHtml, HTML_READABILITY_CHARS, type HtmlLimits } from './html';
import { htmlPieceBreaks } from './html-pieces';
import { MAX_HTML_DEPTH } from './limits';

/** Each document parsed, in order, held weakly. */
const parsed = vi.hoisted(() => ({ documents: [] as WeakRef<Document>[] }));
vi.mock('./dom', async (original) => {
  const dom = await original<typeof import('./dom')>();
  return {
    ...dom,
    parseHtml: (html: string) => {
      const document = dom.parseHtml(html);
      parsed.documents.push(new WeakRef(document));
      return document;
    },
  };
});

const WORDS = [
  'Sơn',
  'Trà',
  'bán',
  'đảo',
  'phía',
  'đông',
  'bắc',
  'Đà',
  'Nẵng',
  'rừng',
  'biển',
  '&amp;',
  'a&nbsp;b',
];

/** Deterministic words: the `n`-th run of `count`. */
const words = (n: number, count: number): string =>
  Array.from({ length: count }, (_, k) => WORDS[(n * 7 + k * 3) % WORDS.length]).join(' ');

/** One of several kinds of body content, numbered `n`: the shapes a long page is made of. */
function section(n: number): string {
  switch (n % 9) {
    case 0:
      return `<h2>Phần ${n}</h2>\n`;
    case 1:
      return `<p>${words(n, 30)} <b>${words(n + 1, 3)}</b> <a href="https://example.com/${n}">liên kết</a>.</p>\n`;
    case 2:
      return `<ol start="${n}"><li>${words(n, 5)}<ul><li>${words(n + 2, 4)}</li></ul></li><li>${words(n, 6)}</li></ol>\n`;
    case 3:
      return `<table><tr><th>${words(n, 2)}</th><td>${words(n, 3)}</td></tr></table>\n`;
    case 4:
      return `<pre>${words(n, 5)}\n\n  ${words(n + 1, 5)}</pre>\n`;
    case 5:
      return `<blockquote><p>${words(n, 12)}</p></blockquote>\n`;
    case 6:
      return `<div><section><p>${words(n, 8)}</p>${words(n + 3, 4)}</section></div>\n`;
    case 7:
      return `${words(n, 9)}\n<p>${words(n + 1, 9)}\n`;
    default:
      return `<p>${words(n, 20)}<br>${words(n + 5, 4)}</p><script>var n = ${n};</script>\n`;
  }
}

/** A page of `chars` characters or a little more, with a head and the sections above. */
function page(chars: number): string {
  const parts = ['<!doctype html><html lang="vi"><head><title>Sơn Trà</title>'];
  parts.push('<meta name="author" content="Lê Anh Tuấn"></head><body><h1>Khảo sát</h1>\n');
  let size = parts.join('').length;
  for (let n = 0; size < chars; n++) {
    parts.push(section(n));
    size += parts.at(-1)?.length ?? 0;
  }
  return `${parts.join('')}</body></html>`;
}

const WHOLE: HtmlLimits = { readabilityChars: 0, pieceChars: Infinity };
const PIECES: HtmlLimits = { readabilityChars: 0, pieceChars: 5_000 };

describe('a large HTML document, converted a piece at a time', () => {
  it('gives the same text, blocks and details as converting it whole', async () => {
    const html = page(60_000);
    expect(htmlPieceBreaks(html, PIECES.pieceChars).length).toBeGreaterThan(8);
    const whole = await convertHtml(html, WHOLE);
    const pieces = await convertHtml(html, PIECES);
    expect(pieces).toEqual(whole);
    expect(pieces).toMatchObject({ title: 'Sơn Trà', author: 'Lê Anh Tuấn', language: 'vi' });
    expect(pieces.text.startsWith('Khảo sát\n\nPhần 0')).toBe(true);
    expect(pieces.text).not.toContain('var n');
    expect(pieces.blocks.map((b) => pieces.text.slice(b.start, b.end)).join('\n\n')).toBe(pieces.text);
  }, 60_000);

  it('lets each piece’s DOM go before it parses the next', async () => {
    const html = page(100_000);
    const pieces = htmlPieceBreaks(html, 20_000).length + 1;
    expect(pieces).toBeGreaterThan(3);
    const documents = parsed.documents.length;
    const kept: number[] = [];
    const parse = vi.spyOn(parsed.documents, 'push').mockImplementation((...added) => {
      kept.push(parsed.documents.slice(documents).filter((document) => document.deref()).length);
      return Array.prototype.push.apply(parsed.documents, added);
    });
    await convertHtml(html, { readabilityChars: 0, pieceChars: 20_000 });
    parse.mockRestore();
    // When each piece is parsed, the earlier pieces' documents are gone: kept, they would add up
    // to the whole document's DOM.
    expect(kept).toEqual(Array.from({ length: pieces }, () => 0));
  }, 60_000);

  it('is used for a document over the size read with Readability', async () => {
    const html = (filler: string) => `<title>T</title><nav>Trang chủ</nav>${filler}<p>Nội dung</p>`;
    expect((await convertHtml(html(''))).text).toBe('Trang chủ\n\nNội dung');
    expect((await convertHtml(html(`<!--${'x'.repeat(HTML_READABILITY_CHARS)}-->`))).text).toBe('Nội dung');
  });

  it('never cuts inside an element whose source another one overlaps', async () => {
    // The div is moved before the table, which is no place to cut; the i stays open over the p.
    const html = `<p>${'a'.repeat(50)}</p><table><div>${'b'.repeat(50)}</div><tr><td>c</table><i>u<p>v</i>w</p><ul><li>k</ul>`;
    const breaks = htmlPieceBreaks(html, 1);
    expect(breaks.map((at) => html.slice(at, at + 4))).toEqual(['<i>u', '<ul>']);
    expect(await convertHtml(html, { readabilityChars: 0, pieceChars: 1 })).toEqual(
      await convertHtml(html, WHOLE),
    );
  });

  it('leaves out the page chrome but keeps an article’s own header', async () => {
    const html =
      '<header>Trang chủ</header><nav><a href="#">Tin mới</a></nav><form><p>Tìm kiếm</p></form>' +
      '<article><header><h1>Tiêu đề</h1></header><p>Nội dung</p><footer>Tác giả</footer></article>' +
      '<aside>Tin khác</aside><footer>©</footer>';
    expect((await convertHtml(html, PIECES)).text).toBe('Tiêu đề\n\nNội dung\n\nTác giả');
  });

  it('still refuses elements nested too deep', async () => {
    const html = `${'<p>lời</p>'.repeat(5_000)}${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`;
    await expect(convertHtml(html, PIECES)).rejects.toThrow(
      expect.objectContaining({ code: 'too-complex', message: expect.stringContaining(`${MAX_HTML_DEPTH}`) }),
    );
  });
});

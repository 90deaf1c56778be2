import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IMAGE_REFERENCE } from '../../../../shared/book-image';
import { convertEpub } from './epub';
import { buildEpub } from './fixtures/build-epub';

/** A PNG signature and header: enough for Gloss to take the bytes for a PNG. */
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3,
]);
const PNG_NAME = `${createHash('sha256').update(PNG).digest('hex')}.png`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

const chapters = (first: string, second = '<h1>Chương 2</h1><h2 id="s2">Hàng cá</h2><p>Cá tươi.</p>') => [
  { file: 'ch1.xhtml', title: 'Một', body: first },
  { file: 'ch2.xhtml', title: 'Hai', body: second },
];

describe('images in a book', () => {
  it('keeps the book’s raster images, with alt text, in blocks that take no characters', () => {
    const withImages =
      '<h1>Chương 1</h1><p>Trước cầu.</p><figure><img src="images/cau.png" alt="Cầu Rồng"/>' +
      '<figcaption>Hình 1</figcaption></figure><p>Giữa <img src="https://example.com/track.png" alt="x"/>' +
      '<img src="images/evil.svg" alt="svg"/><img src="../../etc/passwd" alt="out"/>câu.</p>' +
      '<div><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' +
      '<title>Bìa</title><image xlink:href="images/cau.png"/></svg></div><p>Sau.</p>';
    const without =
      '<h1>Chương 1</h1><p>Trước cầu.</p><figure><figcaption>Hình 1</figcaption></figure><p>Giữa câu.</p><p>Sau.</p>';
    const extra = { 'OEBPS/images/cau.png': PNG, 'OEBPS/images/evil.svg': SVG };
    const book = convertEpub(buildEpub({ chapters: chapters(withImages), extra }));
    const plain = convertEpub(buildEpub({ chapters: chapters(without) }));

    expect(book.text).toBe(plain.text);
    const images = book.blocks.filter((b) => b.html?.includes('<img'));
    expect(images.map((b) => b.html)).toEqual([
      `<img data-image="${PNG_NAME}" alt="Cầu Rồng">`,
      `<img data-image="${PNG_NAME}" alt="Bìa">`,
    ]);
    for (const image of images) expect(image.end).toBe(image.start);
    expect(book.text.slice(images[0]!.start).startsWith('Hình 1')).toBe(true);
    expect(images[0]!.wrap?.map((w) => w.tag)).toEqual(['figure']);
    const html = book.blocks.map((b) => b.html).join('');
    expect(html).not.toMatch(/example\.com|svg|passwd|src=/);
    expect([...html.matchAll(IMAGE_REFERENCE)]).toHaveLength(2);
  });

  it('drops what a book wrote itself as an image reference or a link target', () => {
    const forged =
      `<p data-image="${PNG_NAME}">Một</p><p><img data-image="${'a'.repeat(64)}.png" alt=""/>Hai</p>` +
      '<p>Ba <a href="#gloss-link-5">bốn</a></p>';
    const { blocks } = convertEpub(buildEpub({ chapters: chapters(forged) }));
    const html = blocks.map((b) => b.html).join('|');
    expect(html).not.toContain('data-image');
    expect(html).not.toContain('#gloss-link-5');
  });
});

describe('links in a book', () => {
  it('turns links between chapters and footnote references into jumps to their place in the text', () => {
    const first =
      '<h1>Chương 1</h1><p>Xem <a href="ch2.xhtml#s2">hàng cá</a>, <a href="ch2.xhtml">chương 2</a> và ' +
      'chú thích<a epub:type="noteref" href="#fn1" id="r1">1</a>. <a href="mailto:a@b.vn">Thư</a> ' +
      '<a href="https://example.com/">web</a> <a href="ch9.xhtml">mất</a> <a href="ch2.xhtml#none">đâu</a></p>' +
      '<aside epub:type="footnote" id="fn1"><p>Chú thích một. <a href="#r1">↩</a></p></aside>';
    const { text, blocks } = convertEpub(buildEpub({ chapters: chapters(first) }));
    const html = blocks.map((b) => b.html ?? '').join('\n');
    const at = (s: string) => text.indexOf(s);
    expect(html).toContain(`<a href="#gloss-link-${at('Hàng cá')}">hàng cá</a>`);
    expect(html).toContain(`<a href="#gloss-link-${at('Chương 2')}">chương 2</a>`);
    expect(html).toContain(`<a href="#gloss-note-${at('Chú thích một.')}">1</a>`);
    expect(html).toContain(`<a href="#gloss-link-${at('Xem')}">↩</a>`);
    expect(html).toContain(`<a href="#gloss-link-${at('Chương 2')}">đâu</a>`);
    expect(html).toContain('<a href="https://example.com/">web</a>');
    expect(html).not.toMatch(/mailto|ch9/);
    expect(text).toContain('Thư web mất đâu');
  });
});

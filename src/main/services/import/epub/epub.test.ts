import { describe, expect, it } from 'vitest';
import { convertFile } from '../convert';
import { convertEpub } from './epub';
import { buildEpub, epubEntries, zipEpub } from './fixtures/build-epub';

/** The blocks' texts, each with its kind and its contents marks. */
function outline(text: string, blocks: ReturnType<typeof convertEpub>['blocks']) {
  return blocks.filter((b) => b.toc).map((b) => ({ at: text.slice(b.start, b.end), toc: b.toc }));
}

describe('convertEpub', () => {
  it('reads an EPUB 3 book: metadata from the package and the spine in order', () => {
    const book = convertEpub(buildEpub({ spine: ['ch1.xhtml', 'ch3.xhtml', 'ch2.xhtml'] }));
    expect(book).toMatchObject({
      title: 'Sông Hàn kể chuyện',
      author: 'Lê Anh Tuấn, Trần Thị Mai',
      published: '2021-03-15',
      details: {
        language: 'vi',
        identifier: 'urn:isbn:9786040000001',
        publisher: 'NXB Đà Nẵng',
        description: 'Những câu chuyện bên sông.',
      },
    });
    const headings = book.blocks.filter((b) => b.kind === 'h1').map((b) => book.text.slice(b.start, b.end));
    expect(headings).toEqual(['Chương 1: Buổi sáng', 'Chương 3: Cầu Rồng', 'Chương 2: Chợ Hàn']);
    for (const block of book.blocks) expect(block.html).toBeDefined();
  });

  it('places the nav entries, nested ones and those leading into a chapter, on their blocks', () => {
    const toc =
      '<ol><li><a href="ch1.xhtml">Một</a></li><li><a href="ch2.xhtml">Hai</a>' +
      '<ol><li><a href="ch2.xhtml#s2">Hàng cá</a></li></ol></li><li><span>Phụ lục</span>' +
      '<ol><li><a href="ch3.xhtml">Ba</a></li></ol></li><li><a href="https://example.com/">Web</a></li></ol>';
    const { text, blocks } = convertEpub(buildEpub({ toc }));
    expect(outline(text, blocks)).toEqual([
      { at: 'Chương 1: Buổi sáng', toc: [{ label: 'Một', level: 1 }] },
      { at: 'Chương 2: Chợ Hàn', toc: [{ label: 'Hai', level: 1 }] },
      { at: 'Hàng cá', toc: [{ label: 'Hàng cá', level: 2 }] },
      { at: 'Chương 3: Cầu Rồng', toc: [{ label: 'Ba', level: 2 }] },
    ]);
  });

  it('reads an EPUB 2 book and its NCX, creators with opf:role', () => {
    const metadata =
      '<dc:title>Old Book</dc:title><dc:creator opf:role="aut">Ann Author</dc:creator>' +
      '<dc:creator opf:role="edt">Ed Editor</dc:creator><dc:date opf:event="modification">2020-01-01</dc:date>' +
      '<dc:date opf:event="publication">1999-12-31</dc:date><dc:identifier id="bookid">abc-uuid</dc:identifier>';
    const toc =
      '<navPoint id="a"><navLabel><text>First</text></navLabel><content src="ch1.xhtml"/>' +
      '<navPoint id="b"><navLabel><text>Fish</text></navLabel><content src="ch2.xhtml#s2"/></navPoint></navPoint>';
    const book = convertEpub(buildEpub({ version: '2.0', metadata, toc }));
    expect(book).toMatchObject({ title: 'Old Book', author: 'Ann Author', published: '1999-12-31' });
    expect(book.details).toEqual({ identifier: 'abc-uuid' });
    expect(outline(book.text, book.blocks)).toEqual([
      { at: 'Chương 1: Buổi sáng', toc: [{ label: 'First', level: 1 }] },
      { at: 'Hàng cá', toc: [{ label: 'Fish', level: 2 }] },
    ]);
  });

  it('keeps the structure the reader shows and drops scripts, styles, images and remote resources', () => {
    const body =
      '<h2>Bảng</h2><style>p{color:red}</style><script>alert(1)</script>' +
      '<ol start="3"><li>ba</li><li>bốn</li></ol><table><tr><th>A</th></tr><tr><td>1</td></tr></table>' +
      '<pre><code>let x = 1;</code></pre><blockquote><p>Trích dẫn</p></blockquote>' +
      '<p onclick="x()">Xem <a href="https://example.com/">web</a>, <a href="ch1.xhtml#n1">chú thích</a>' +
      '<img src="http://tracker.example/p.png" alt="ảnh"/><iframe src="http://evil.example/"></iframe>.</p>' +
      '<figure><img src="i.png" alt="Bản đồ"/><figcaption>Bản đồ Đà Nẵng</figcaption></figure>';
    const { text, blocks } = convertEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }] }));
    expect(blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['h2', 'Bảng'],
      ['li', 'ba'],
      ['li', 'bốn'],
      ['p', 'A'],
      ['p', '1'],
      ['pre', 'let x = 1;'],
      ['blockquote', 'Trích dẫn'],
      ['p', 'Xem web, chú thích.'],
      ['p', 'Bản đồ Đà Nẵng'],
    ]);
    expect(blocks[1]!.wrap?.[0]).toMatchObject({ tag: 'ol', start: 3 });
    expect(blocks[3]!.wrap?.map((w) => w.tag)).toContain('table');
    expect(blocks.at(-1)!.wrap?.map((w) => w.tag)).toEqual(['figure', 'figcaption']);
    const html = blocks.map((b) => b.html).join('');
    expect(html).toContain('<a href="https://example.com/">web</a>');
    expect(html).not.toMatch(/script|alert|onclick|<img|iframe|tracker|evil|ch1\.xhtml|style/);
  });

  it('numbers list wrappers across chapters so lists of two chapters stay apart', () => {
    const chapters = [
      { file: 'a.xhtml', body: '<ul><li>một</li></ul>' },
      { file: 'b.xhtml', body: '<ul><li>hai</li></ul>' },
    ];
    const { blocks } = convertEpub(buildEpub({ chapters }));
    expect(blocks[0]!.wrap![0]!.id).not.toBe(blocks[1]!.wrap![0]!.id);
  });

  it('reads a chapter that is not well-formed XML as HTML', () => {
    const entries = epubEntries();
    entries['OEBPS/ch1.xhtml'] = '<html><body><p>Đoạn&nbsp;một<p>Đoạn hai</body></html>';
    const { text } = convertEpub(zipEpub(entries));
    expect(text.startsWith('Đoạn một\n\nĐoạn hai\n\nChương 2')).toBe(true);
  });

  it('keeps the text of a CDATA section, with a CFI that counts it as text', () => {
    const body = '<p id="p1">Cầu <![CDATA[Rồng & <sông>]]> Hàn</p><p><![CDATA[Chợ]]></p>';
    const { text, blocks } = convertEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }] }));
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Cầu Rồng & <sông> Hàn', 'Chợ']);
    expect(blocks[0]!.html).toBe('Cầu Rồng &amp; &lt;sông&gt; Hàn');
    expect(blocks[1]!.origin?.runs[0]).toEqual([0, '/1', 0]);
  });
});

describe('convertFile with an .epub', () => {
  it('makes an epub article with its details', async () => {
    const document = await convertFile(buildEpub(), 'sách.epub');
    expect(document).toMatchObject({
      format: 'epub',
      title: 'Sông Hàn kể chuyện',
      details: { language: 'vi' },
    });
    expect(document.text).toContain('Cầu phun lửa đêm thứ bảy.');
  });

  it('refuses a file that is not a zip, naming it', async () => {
    await expect(convertFile(new TextEncoder().encode('plain text'), 'fake.epub')).rejects.toThrow(
      'Cannot import “fake.epub”: it is not an EPUB book (not a zip file).',
    );
  });
});

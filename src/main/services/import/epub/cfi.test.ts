import { describe, expect, it } from 'vitest';
import { epubCfi, escapeCfi } from '../../../../shared/export/cfi';
import { convertEpub } from './epub';
import { epubEntries, zipEpub } from './fixtures/build-epub';

/** The package document of the EPUB CFI specification's examples (§ "Examples"), in EPUB 3 form. */
const SPEC_OPF = `<?xml version="1.0"?>
<package version="3.0" unique-identifier="bookid" xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <metadata>
        <dc:title>CFI examples</dc:title>
        <dc:identifier id="bookid">urn:uuid:0</dc:identifier>
    </metadata>
    <manifest>
        <item id="toc" properties="nav" href="toc.xhtml" media-type="application/xhtml+xml"/>
        <item id="titlepage" href="titlepage.xhtml" media-type="application/xhtml+xml"/>
        <item id="chapter01" href="chapter01.xhtml" media-type="application/xhtml+xml"/>
        <item id="chapter02" href="chapter02.xhtml" media-type="application/xhtml+xml"/>
        <item id="img01" href="image01.png" media-type="image/png"/>
    </manifest>
    <spine>
        <itemref id="titleref"  idref="titlepage"/>
        <itemref id="chap01ref" idref="chapter01"/>
        <itemref id="chap02ref" idref="chapter02"/>
    </spine>
</package>`;

/** chapter01.xhtml of the specification's examples, with text in its elided paragraphs. */
const SPEC_CHAPTER = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
    <head>
        <title>Chapter 1</title>
    </head>
    <body id="body01">
        <p>First paragraph.</p>
        <p>Second
           paragraph.</p>
        <p>Third paragraph.</p>
        <p>Fourth paragraph.</p>
        <p id="para05">xxx<em>yyy</em>0123456789</p>
        <p>Sixth paragraph.</p>
        <p>Seventh paragraph.</p>
        <img id="svgimg" src="foo.svg" alt="an image"/>
        <p>Ninth paragraph.</p>
        <p>Tenth paragraph.</p>
    </body>
</html>`;

const page = (title: string, body: string) =>
  `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body>${body}</body></html>`;

function specBook() {
  const entries = epubEntries();
  for (const name of Object.keys(entries)) if (name.startsWith('OEBPS/')) delete entries[name];
  entries['OEBPS/content.opf'] = SPEC_OPF;
  entries['OEBPS/toc.xhtml'] = page(
    'Contents',
    '<nav><ol><li><a href="chapter01.xhtml">One</a></li></ol></nav>',
  );
  entries['OEBPS/titlepage.xhtml'] = page('Title', '<h1>CFI examples</h1>');
  entries['OEBPS/chapter01.xhtml'] = SPEC_CHAPTER;
  entries['OEBPS/chapter02.xhtml'] = page('Two', '<p>Chapter two.</p>');
  return convertEpub(zipEpub(entries));
}

/** The EPUB CFI of the n-th occurrence of `quote` in the book's canonical text. */
function cfiOf(book: ReturnType<typeof specBook>, quote: string, occurrence = 0): string | null {
  let start = book.text.indexOf(quote);
  for (let n = 0; n < occurrence; n++) start = book.text.indexOf(quote, start + 1);
  return epubCfi(book.blocks, start, start + quote.length);
}

describe('EPUB CFI of a highlight, against the examples of the EPUB CFI specification', () => {
  const book = specBook();

  it('gives the specification\'s range from the second "y" to after "0123"', () => {
    expect(book.text).toContain('xxxyyy0123456789');
    expect(cfiOf(book, 'yy0123')).toBe('epubcfi(/6/4[chap01ref]!/4[body01]/10[para05],/2/1:1,/3:4)');
  });

  it('ends a highlight of "0123456789" at the specification\'s /3:10', () => {
    expect(cfiOf(book, '0123456789')).toBe('epubcfi(/6/4[chap01ref]!/4[body01]/10[para05],/3:0,/3:10)');
  });

  it('counts the original whitespace a collapsed line break stood for', () => {
    // "Second\n           paragraph." reads "Second paragraph.": "paragraph" starts at 18 in the node.
    expect(cfiOf(book, 'paragraph', 1)).toBe('epubcfi(/6/4[chap01ref]!/4[body01]/4,/1:18,/1:27)');
  });

  it('spans paragraphs from their common parent, and names the spine item of each document', () => {
    expect(cfiOf(book, 'Ninth paragraph.\n\nTenth')).toBe(
      'epubcfi(/6/4[chap01ref]!/4[body01],/18/1:0,/20/1:5)',
    );
    expect(cfiOf(book, 'examples')).toBe('epubcfi(/6/2[titleref]!/4/2,/1:4,/1:12)');
    expect(cfiOf(book, 'two')).toBe('epubcfi(/6/6[chap02ref]!/4/2,/1:8,/1:11)');
  });

  it("keeps each block's origin compact: the steps its runs share said once, a node named once", () => {
    const para05 = book.blocks.find(
      (block) => book.text.slice(block.start, block.end) === 'xxxyyy0123456789',
    )!;
    expect(para05.origin).toEqual({
      at: '/4[body01]/10[para05]',
      runs: [
        [0, '/1', 0],
        [3, '/2/1', 0],
        [6, '/3', 0],
      ],
    });
    const second = book.blocks.find(
      (block) => book.text.slice(block.start, block.end) === 'Second paragraph.',
    )!;
    expect(second.origin).toEqual({
      at: '/4[body01]/4',
      runs: [
        [0, '/1', 0],
        [7, 18],
      ],
    });
  });

  it('reads origins stored with whole paths in each run, as books imported before kept them', () => {
    const whole = book.blocks.map((block) => {
      if (!block.origin?.at) return block;
      const { at, ...origin } = block.origin;
      let node = '';
      const runs = origin.runs.map((run): [number, string, number] => {
        if (run.length === 3) node = run[1];
        return [run[0], at + node, run.at(-1) as number];
      });
      return { ...block, origin: { ...origin, runs } };
    }) as typeof book.blocks;
    const start = book.text.indexOf('yy0123');
    expect(epubCfi(whole, start, start + 6)).toBe(
      'epubcfi(/6/4[chap01ref]!/4[body01]/10[para05],/2/1:1,/3:4)',
    );
  });

  it('gives none for a range across two documents, which a CFI range cannot hold', () => {
    expect(cfiOf(book, 'Tenth paragraph.\n\nChapter two')).toBeNull();
  });

  it('escapes the characters CFI reserves in an id', () => {
    expect(escapeCfi('a[1],b(2);c=^')).toBe('a^[1^]^,b^(2^)^;c^=^^');
  });
});

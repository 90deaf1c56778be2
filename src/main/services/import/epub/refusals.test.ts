import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { convertEpub } from './epub';
import { epubEntries, zipEpub } from './fixtures/build-epub';
import { readZip } from './zip';

const ENCRYPTED = (algorithm: string, uri: string) =>
  '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
  `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/>` +
  `<enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`;

/** A book built from the default entries with some changed (undefined removes one). */
function bookWith(changes: Record<string, string | Uint8Array | undefined>): Uint8Array {
  const entries = { ...epubEntries() };
  for (const [name, content] of Object.entries(changes)) {
    if (content === undefined) delete entries[name];
    else entries[name] = content;
  }
  return zipEpub(entries);
}

describe('EPUB refusals', () => {
  it('refuses a DRM-encrypted book with a specific message', () => {
    const book = bookWith({
      'META-INF/encryption.xml': ENCRYPTED('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/ch1.xhtml'),
    });
    expect(() => convertEpub(book)).toThrow('it is protected by DRM (its text is encrypted)');
  });

  it('refuses a chapter nested deeper than Gloss reads, as XHTML and as HTML, not counting what is not a tag', () => {
    const xhtml = (depth: number, attribute = '') =>
      '<?xml version="1.0"?><!-- <div> --><html xmlns="http://www.w3.org/1999/xhtml"><body>' +
      `${`<div${attribute}>`.repeat(depth - 2)}deep<?pi <div>?>${'</div>'.repeat(depth - 2)}</body></html>`;
    const deepXhtml = bookWith({ 'OEBPS/ch1.xhtml': xhtml(513) });
    expect(() => convertEpub(deepXhtml)).toThrow('more than 512 levels');
    // Nor do a comment, a processing instruction or a ">" in an attribute value open or end a level.
    const within = bookWith({ 'OEBPS/ch1.xhtml': xhtml(100, ' title="a > b"') });
    expect(convertEpub(within).text).toMatch(/^deep\n\nChương 2/);
    const html = `<html><body>${'<span>'.repeat(600)}deep</body></html>`;
    expect(() => convertEpub(bookWith({ 'OEBPS/ch1.xhtml': html }))).toThrow('more than 512 levels');
  });

  it('refuses a book with an Adobe rights file', () => {
    expect(() => convertEpub(bookWith({ 'META-INF/rights.xml': '<rights/>' }))).toThrow('protected by DRM');
  });

  it('reads a book whose only encryption is font obfuscation', () => {
    const book = bookWith({
      'META-INF/encryption.xml': ENCRYPTED('http://www.idpf.org/2008/embedding', 'OEBPS/fonts/a.otf'),
    });
    expect(convertEpub(book).title).toBe('Sông Hàn kể chuyện');
  });

  it('refuses an entry whose path leaves the container', () => {
    const book = bookWith({ '../../evil.xhtml': '<p>x</p>' });
    expect(() => convertEpub(book)).toThrow('its entry “../../evil.xhtml” points outside the book');
  });

  it('refuses a zip bomb: an entry expanding past the ratio', () => {
    const book = bookWith({ 'OEBPS/ch1.xhtml': new Uint8Array(4 * 1024 * 1024) });
    expect(() => convertEpub(book)).toThrow('expands more than 100 times: it looks like a zip bomb');
  });

  it('refuses a zip expanding past the total size, however its entries declare themselves', () => {
    const zip = zipSync({ 'a.xhtml': strToU8('x'.repeat(3000)), 'b.xhtml': strToU8('y'.repeat(3000)) });
    const limits = {
      maxEntries: 10,
      maxTotalBytes: 5000,
      maxEntryBytes: 4000,
      maxRatio: 1000,
      ratioFloorBytes: 0,
    };
    expect(() => readZip(zip, () => true, limits)).toThrow('it expands to more than');
    expect(readZip(zip, (name) => name === 'a.xhtml', limits).files.get('a.xhtml')?.length).toBe(3000);
  });

  it('refuses a book without a container, or whose package is missing or broken', () => {
    expect(() => convertEpub(bookWith({ 'META-INF/container.xml': undefined }))).toThrow(
      'it is not an EPUB book: it has no META-INF/container.xml.',
    );
    expect(() => convertEpub(bookWith({ 'OEBPS/content.opf': undefined }))).toThrow(
      'its package is broken: the package document OEBPS/content.opf is missing.',
    );
    expect(() => convertEpub(bookWith({ 'OEBPS/content.opf': '<package><manifest>' }))).toThrow(
      'its package is broken: OEBPS/content.opf is not well-formed XML.',
    );
    expect(() =>
      convertEpub(
        bookWith({
          'OEBPS/ch1.xhtml': undefined,
          'OEBPS/ch2.xhtml': undefined,
          'OEBPS/ch3.xhtml': undefined,
        }),
      ),
    ).toThrow('none of the documents its spine lists is in the book');
  });

  it('refuses XML that declares entities (no entity expansion)', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><container>&b;</container>';
    expect(() => convertEpub(bookWith({ 'META-INF/container.xml': laughs }))).toThrow(
      'declares XML entities',
    );
  });

  it('ignores package references that leave the book', () => {
    const entries = epubEntries();
    entries['OEBPS/content.opf'] = (entries['OEBPS/content.opf'] as string).replace(
      'href="ch1.xhtml"',
      'href="../../../etc/passwd"',
    );
    const { text } = convertEpub(zipEpub(entries));
    expect(text).not.toContain('Buổi sáng');
    expect(text).toContain('Chợ Hàn');
  });
});

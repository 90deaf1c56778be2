import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, describeBinary } from './decode';
import { SAMPLE, sampleVariants } from './fixtures/variants';

describe('decode', () => {
  it.each(Object.entries(sampleVariants()))('reads the sample as %s to the same canonical text', (_, v) => {
    const decoded = decode(v.bytes);
    expect(decoded.encoding).toBe(v.encoding);
    expect(decoded.text).toBe(SAMPLE);
  });

  it.each(['viscii', 'tcvn'])(
    'recognises Vietnamese in %s, which chardet takes for Windows-1258',
    (encoding) => {
      const text = SAMPLE.replace(/[“”]/g, '"').replace(/–/g, '-').replace(/…/g, '...');
      expect(decode(iconv.encode(text, encoding))).toEqual({ text, encoding });
    },
  );

  it.each([
    ['windows-1252', 'Crème brûlée à la française, déjà vu: «très» naïf, Ø — 10 €.'],
    ['windows-1252', 'Die Größe der Straße: Übermäßig schön, sagt Jürgen.'],
    ['windows-1251', 'Съешь же ещё этих мягких французских булок, да выпей чаю.'],
  ])('does not take other %s text for Vietnamese', (encoding, text) => {
    expect(decode(iconv.encode(text, encoding)).text).toBe(text);
  });

  it('reads UTF-8 with a few invalid bytes as UTF-8, marking them U+FFFD and counting them', () => {
    const good = Buffer.from(SAMPLE);
    const damaged = Buffer.concat([
      good.subarray(0, 40),
      Buffer.from([0xff]),
      good.subarray(40, 90),
      Buffer.from([0xc3, 0x28, 0x80]),
      good.subarray(90),
    ]);
    const decoded = decode(damaged);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.invalidBytes).toBe(3);
    expect(decoded.text.match(/\uFFFD/g)).toHaveLength(3);
    expect(decoded.text.replace(/\uFFFD/g, '').replace('(', '')).toBe(SAMPLE);
    // Text in a legacy encoding is still read as such: its bytes form almost no valid UTF-8.
    const latin = 'Crème brûlée à la française, déjà vu';
    expect(decode(iconv.encode(latin, 'windows-1252'))).toMatchObject({ text: latin });
  });

  it('follows a declared charset when the bytes are not UTF-8', () => {
    const text = 'Съешь же ещё этих мягких французских булок';
    const bytes = iconv.encode(text, 'koi8-r');
    expect(decode(bytes).text).not.toBe(text);
    expect(decode(bytes, 'koi8-r')).toEqual({ text, encoding: 'koi8-r' });
  });

  it('prefers valid UTF-8 over a declared legacy charset', () => {
    expect(decode(Buffer.from('Tiếng Việt'), 'windows-1252')).toEqual({
      text: 'Tiếng Việt',
      encoding: 'utf-8',
    });
  });

  it('replaces undecodable bytes after a UTF-8 BOM instead of failing', () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62])).text).toBe('a\uFFFDb');
  });
});

describe('describeBinary', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);

  it('names well-known binary formats by their magic number', () => {
    expect(describeBinary(png)).toBe('PNG image');
    expect(describeBinary(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('PDF document');
    expect(describeBinary(Buffer.from('PK\x03\x04mimetypeapplication/epub+zip'))).toMatch(/ZIP archive/);
  });

  it('flags NUL bytes and a high share of control characters', () => {
    expect(describeBinary(Buffer.from('abc\0def'))).toBe('it contains NUL bytes');
    expect(describeBinary(Buffer.from('ab\x01\x02\x03cd\x04efgh'))).toBe('it contains control characters');
  });

  it('lets text through, UTF-16 with its NUL bytes and stray escapes or form feeds included', () => {
    for (const v of Object.values(sampleVariants())) expect(describeBinary(v.bytes)).toBeNull();
    expect(describeBinary(Buffer.from('\x1b[1mbold\x1b[0m\fpage 2\n'))).toBeNull();
  });
});

import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GlossError } from '../../../shared/result';
import { expectConsistentBlocks, expectJoinedBlocks } from './fixtures/invariants';
import { SAMPLE, sampleVariants, toWindows1258 } from './fixtures/variants';
import { convertFile, MAX_IMPORT_BYTES, SUPPORTED_EXTENSIONS } from './convert';

const SAMPLE_TITLE = 'Đoàn khảo sát của Ban Chỉ đạo Đề án Trung ương 6 làm việc với Đảng bộ Q. Sơn Trà';

async function failure(bytes: Uint8Array, fileName: string): Promise<GlossError> {
  try {
    await convertFile(bytes, fileName);
  } catch (error) {
    if (error instanceof GlossError) return error;
    throw error;
  }
  throw new Error(`${fileName} was imported`);
}

describe('convertFile: plain text', () => {
  it('reads the sample with its title, date line, byline, word count and hash', async () => {
    const doc = await convertFile(Buffer.from(SAMPLE), 'son-tra-khao-sat.txt');
    expect(doc).toMatchObject({
      format: 'txt',
      text: SAMPLE,
      title: SAMPLE_TITLE,
      author: 'Lê Anh Tuấn',
      published: '2022-04-01T09:35',
      wordCount: 602,
      encoding: 'utf-8',
    });
    expect(doc.contentHash).toBe(createHash('sha256').update(SAMPLE, 'utf8').digest('hex'));
  });

  it('makes the title line an h1 block and every other non-blank line a paragraph', async () => {
    const doc = await convertFile(Buffer.from(SAMPLE), 'son-tra-khao-sat.txt');
    const lines = SAMPLE.split('\n').filter((line) => line.trim());
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(lines.map((line) => line.trim()));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['h1', ...lines.slice(1).map(() => 'p')]);
    expectConsistentBlocks(doc.text, doc.blocks);
  });

  it.each(Object.entries(sampleVariants()))(
    'imports the sample as %s to the identical document',
    async (_, v) => {
      const reference = await convertFile(Buffer.from(SAMPLE), 'son-tra-khao-sat.txt');
      const doc = await convertFile(v.bytes, 'son-tra-khao-sat.txt');
      expect(doc).toEqual({ ...reference, encoding: v.encoding });
    },
  );

  it('uses the file name (NFC) as title when the first line is not followed by a blank line', async () => {
    const name = 'Sơn Trà khảo sát.TXT'.normalize('NFD');
    expect((await convertFile(Buffer.from('Dòng một\nDòng hai\n'), name)).title).toBe('Sơn Trà khảo sát');
    const doc = await convertFile(Buffer.from(`${'Rất dài. '.repeat(40)}\n\nTiếp.`), name);
    expect(doc.title).toBe('Sơn Trà khảo sát');
    expect(doc.blocks[0]?.kind).toBe('p');
  });

  it('imports a file over 50 MB', async () => {
    const paragraph = SAMPLE.split('\n')[3] ?? '';
    const target = 50 * 1024 * 1024 + 1;
    const bytes = Buffer.from(
      `${SAMPLE_TITLE}\n\n${`${paragraph}\n`.repeat(Math.ceil(target / Buffer.byteLength(paragraph)))}`,
    );
    expect(bytes.length).toBeGreaterThan(50 * 1000 * 1000);
    expect(bytes.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const doc = await convertFile(bytes, 'lớn.txt');
    expect(doc.title).toBe(SAMPLE_TITLE);
    expect(doc.text.length).toBe(bytes.toString('utf8').length);
    expect(doc.blocks.at(-1)?.end).toBe(doc.text.length - 1);
  }, 60_000);
});

describe('convertFile: Markdown and HTML', () => {
  it('imports Markdown with front matter into joined blocks', async () => {
    const md = '---\ntitle: Ghi chú\nauthor: Lê An\ndate: 2022-04-01\n---\n# Mở đầu\n\nĐoạn *một*.\n';
    const doc = await convertFile(Buffer.from(md), 'ghi-chu.markdown');
    expect(doc).toMatchObject({ format: 'md', title: 'Ghi chú', author: 'Lê An', published: '2022-04-01' });
    expect(doc.text).toBe('Mở đầu\n\nĐoạn một.');
    expectJoinedBlocks(doc.text, doc.blocks);
  });

  it('gives title and author in NFC even when the page spells them with combining entities', async () => {
    const html =
      '<html><head><title>Vie&#x302;&#x323;t Nam</title><meta name="author" content="Le&#x302; Anh"></head>' +
      '<body><p>Nội dung.</p></body></html>';
    expect(await convertFile(Buffer.from(html), 'a.html')).toMatchObject({
      title: 'Việt Nam',
      author: 'Lê Anh',
    });
  });

  it('reads an HTML file in the charset its meta tag declares', async () => {
    const html = `<html><head><meta charset="windows-1258"><title>Tiêu đề</title></head><body><p>${SAMPLE.split('\n')[3]}</p></body></html>`;
    const doc = await convertFile(toWindows1258(html), 'bai.htm');
    expect(doc.encoding).toBe('windows-1258');
    expect(doc.title).toBe('Tiêu đề');
    expect(doc.text).toBe(SAMPLE.split('\n')[3]);
  });
});

describe('convertFile: bad input', () => {
  it('refuses an unsupported extension and lists the supported ones', async () => {
    const error = await failure(Buffer.from('PK\u0003\u0004'), '/tmp/bài báo.docx'.normalize('NFD'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('“bài báo.docx”');
    for (const extension of SUPPORTED_EXTENSIONS) expect(error.message).toContain(extension);
    expect((await failure(Buffer.from('x'), 'README')).code).toBe('unsupported');
  });

  it('refuses a binary file whatever its extension, naming what it looks like', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await failure(png, 'ảnh.txt');
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('Cannot import “ảnh.txt”: it looks like a binary file (PNG image), not text.');
    expect((await failure(Buffer.from('ab\0cd'), 'x.md')).message).toMatch(
      /“x\.md”.*binary file \(it contains NUL bytes\)/,
    );
  });

  it('refuses an empty file and one that holds only whitespace', async () => {
    expect(await failure(new Uint8Array(0), 'trống.txt')).toMatchObject({
      code: 'invalid-argument',
      message: 'Cannot import “trống.txt”: the file is empty.',
    });
    const blank = iconv.encode(' \r\n\t\n', 'utf-16le', { addBOM: true });
    expect(await failure(blank, 'trắng.md')).toMatchObject({
      code: 'invalid-argument',
      message: 'Cannot import “trắng.md”: the file contains only whitespace.',
    });
  });

  it('refuses HTML without readable text', async () => {
    const error = await failure(
      Buffer.from('<html><body><script>alert(1)</script><img src=x></body></html>'),
      'a.html',
    );
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('“a.html”');
  });

  it('refuses a file over the size limit and states the limit', async () => {
    const error = await failure(new Uint8Array(MAX_IMPORT_BYTES + 1), 'to.txt');
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('Cannot import “to.txt”: it is 64.1 MB, over the 64 MB limit.');
  });
});

describe('convertFile: the language a document states', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('reads <html lang> and front matter lang into the details', async () => {
    const html = await convertFile(
      bytes('<html lang="vi"><body><h1>Tiêu đề</h1><p>Đoạn văn.</p></body></html>'),
      'a.html',
    );
    expect(html.details.language).toBe('vi');
    const md = await convertFile(bytes('---\ntitle: Notes\nlang: en-GB\n---\nSome text.\n'), 'b.md');
    expect(md.details.language).toBe('en-GB');
  });
  it('states none for plain text or a malformed tag', async () => {
    expect((await convertFile(bytes('Title\n\nText.\n'), 'c.txt')).details.language).toBeUndefined();
    const md = await convertFile(bytes('---\nlanguage: Tiếng Việt\n---\nText.\n'), 'd.md');
    expect(md.details.language).toBeUndefined();
  });
});

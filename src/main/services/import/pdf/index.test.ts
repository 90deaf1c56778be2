import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '..';
import { column, makePdf } from '../fixtures/make-pdf';
import { NO_TEXT_NOTICE } from '.';

const refusal = (bytes: Uint8Array, name = 'paper.pdf'): Promise<unknown> =>
  convertDocument(bytes, name).then(
    () => null,
    (error: unknown) => error,
  );

/** A PDF written by hand: its objects numbered from 1 (the first is the catalog), a valid xref. */
function rawPdf(objects: readonly string[], trailer = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** son-tra-libreoffice.pdf encrypted by qpdf (AES-256; see fixtures/README.md). */
const PROTECTED = readFileSync(path.join(import.meta.dirname, '../fixtures/son-tra-protected.pdf'));
const PASSWORD = 'đà nẵng 2026';

describe('convertDocument for .pdf', () => {
  it('imports a PDF with its pages, metadata and a hash of its text', async () => {
    const bytes = await makePdf([{ texts: column(['Một trang văn bản.'], 50, 700) }], { title: 'Tiêu đề' });
    const doc = await convertDocument(bytes, 'bài báo.pdf');
    expect(doc).toMatchObject({ format: 'pdf', title: 'Tiêu đề', text: 'Một trang văn bản.', pageCount: 1 });
    expect(doc.pages).toEqual([{ index: 0, label: '1', start: 0, end: 18 }]);
    expect(doc.warnings).toEqual([]);
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports a PDF without text with a notice, titled after its file', async () => {
    const doc = await convertDocument(await makePdf([{ texts: [] }]), 'scan.pdf');
    expect(doc).toMatchObject({ text: '', title: 'scan', warnings: [NO_TEXT_NOTICE] });
  });

  it('refuses a file that is not a PDF despite its name', async () => {
    const error = await refusal(new TextEncoder().encode('Hello, this is text.'));
    expect(error).toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/“paper\.pdf”.*not a PDF/),
    });
  });

  it('refuses a PDF damaged beyond repair', async () => {
    const error = await refusal(new TextEncoder().encode('%PDF-1.7\n' + '\u0000garbage '.repeat(50)));
    expect(error).toMatchObject({ code: 'damaged', message: expect.stringContaining('damaged') });
  });

  it('refuses a PDF with no pages', async () => {
    const error = await refusal(
      rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
    );
    expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('no pages') });
  });

  it('asks for the password of a password-protected PDF, naming the file', async () => {
    const error = await refusal(PROTECTED, 'sơn trà.pdf');
    expect(error).toMatchObject({
      code: 'unsupported',
      message: 'Cannot import “sơn trà.pdf”: it is password-protected; give its password to import it.',
      params: { file: 'sơn trà.pdf', password: 'needed', key: 'errors.pdfPasswordNeeded' },
    });
  });

  it('says so when the password is wrong, without repeating it', async () => {
    const error = await convertDocument(PROTECTED, 'p.pdf', 'đà nẵng 2025').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unsupported', params: { password: 'wrong' } });
    expect(JSON.stringify(error) + String(error)).not.toContain('2025');
  });

  it('reads a password-protected PDF with its user or its owner password', async () => {
    const plain = await convertDocument(
      readFileSync(path.join(import.meta.dirname, '../fixtures/son-tra-libreoffice.pdf')),
      'p.pdf',
    );
    for (const password of [PASSWORD, 'owner-secret']) {
      const doc = await convertDocument(PROTECTED, 'p.pdf', password);
      expect(doc.text).toBe(plain.text);
      expect(doc.pages).toEqual(plain.pages);
      expect(JSON.stringify(doc)).not.toContain(password);
    }
  });
});

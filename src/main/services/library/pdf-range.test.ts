import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDF_RANGE_MAX } from '../../../shared/pdf/file-range';
import type { ImportOutcome } from '../../../shared/model/article';
import type { Result } from '../../../shared/result';
import { startServices, type Services } from '..';
import { column, makePdf } from '../import/fixtures/make-pdf';
import { tempDir } from '../store/testing/fixtures';

let services: Services;
let pdf: Uint8Array;
let pdfId: string;

beforeEach(async () => {
  services = await startServices({ libraryPath: tempDir('gloss-pdf-range-'), host: 'web', watch: false });
  pdf = await makePdf(
    [{ texts: column(['Trang một.'], 50, 700) }, { texts: column(['Trang hai.'], 50, 700) }],
    {
      title: 'Hai trang',
    },
  );
  pdfId = (await importFile('hai-trang.pdf', pdf)).article!.id;
});

afterEach(() => services.stop());

async function importFile(name: string, bytes: Uint8Array): Promise<ImportOutcome> {
  const result = await services.dispatch('importFile', { name, data: Buffer.from(bytes).toString('base64') });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ImportOutcome;
}

const range = (params: unknown): Promise<Result<unknown>> => services.dispatch('getArticleFileRange', params);

describe('getArticleFileRange', () => {
  it("gives the asked bytes of a PDF's copy and the copy's length", async () => {
    const result = await range({ id: pdfId, begin: 100, end: 164 });
    expect(result).toEqual({
      ok: true,
      value: { data: Buffer.from(pdf.subarray(100, 164)).toString('base64'), length: pdf.length },
    });
  });

  it('stops at the end of the copy', async () => {
    const result = await range({ id: pdfId, begin: pdf.length - 10, end: pdf.length + 500 });
    expect(result.ok && result.value).toEqual({
      data: Buffer.from(pdf.subarray(pdf.length - 10)).toString('base64'),
      length: pdf.length,
    });
  });

  it("gives the copy's last whole chunks with its first bytes when asked, where pdf.js looks next", async () => {
    const big = await makePdf(
      Array.from({ length: 40 }, (_, i) => ({ texts: column([`Trang ${i + 1}.`], 50, 700) })),
      { title: 'Bốn mươi trang' },
    );
    const id = (await importFile('bon-muoi.pdf', big)).article!.id;
    const chunk = 1024;
    const result = await range({ id, begin: 0, end: chunk, last: chunk });
    const begin = Math.floor((big.length - chunk) / chunk) * chunk;
    expect(big.length - begin).toBeGreaterThanOrEqual(chunk);
    expect(result).toEqual({
      ok: true,
      value: {
        data: Buffer.from(big.subarray(0, chunk)).toString('base64'),
        length: big.length,
        last: { begin, data: Buffer.from(big.subarray(begin)).toString('base64') },
      },
    });
  });

  it('gives no last bytes when the range asked already reaches the end, and none before its end', async () => {
    const whole = await range({ id: pdfId, begin: 0, end: pdf.length, last: 1024 });
    expect(whole.ok && whole.value).toEqual({
      data: Buffer.from(pdf).toString('base64'),
      length: pdf.length,
    });
    const near = await range({ id: pdfId, begin: 0, end: pdf.length - 10, last: 1 << 16 });
    expect(near.ok && near.value).toMatchObject({
      last: { begin: pdf.length - 10, data: Buffer.from(pdf.subarray(pdf.length - 10)).toString('base64') },
    });
  });

  it('refuses a request for last bytes longer than half the largest range', async () => {
    expect(await range({ id: pdfId, begin: 0, end: 10, last: PDF_RANGE_MAX / 2 + 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('refuses a range that starts at or past the end of the copy', async () => {
    for (const begin of [pdf.length, pdf.length + 1])
      expect(await range({ id: pdfId, begin, end: begin + 10 })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
  });

  it('refuses a range longer than 1 MiB, an empty or reversed one, and negative offsets', async () => {
    for (const [begin, end] of [
      [0, PDF_RANGE_MAX + 1],
      [10, 10],
      [10, 5],
      [-1, 10],
    ])
      expect(await range({ id: pdfId, begin, end })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    expect((await range({ id: pdfId, begin: 0, end: PDF_RANGE_MAX })).ok).toBe(true);
  });

  it('refuses an article that is not a PDF', async () => {
    const text = await importFile('ghi-chu.txt', Buffer.from('Một ghi chú ngắn về Sơn Trà.\n'));
    expect(await range({ id: text.article!.id, begin: 0, end: 10 })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });

  it('refuses an unknown id, a deleted article and a path in place of an id', async () => {
    expect(await range({ id: crypto.randomUUID(), begin: 0, end: 10 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await services.dispatch('deleteArticle', { id: pdfId })).ok).toBe(true);
    expect(await range({ id: pdfId, begin: 0, end: 10 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await range({ id: '../articles/hai-trang.pdf', begin: 0, end: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});

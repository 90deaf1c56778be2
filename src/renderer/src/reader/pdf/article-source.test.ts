import { afterEach, describe, expect, it, vi } from 'vitest';
import { PDF_CHUNK } from '../../../../shared/pdf/file-range';

const file = Uint8Array.from({ length: 3 * PDF_CHUNK + 100 }, (_, i) => (i * 7) % 251);
const asked = vi.hoisted(() => [] as { begin: number; end: number; last?: number }[]);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

vi.mock('../../api', () => ({
  api: {
    // The service's rule for the last bytes (see lastBegin), over `file`.
    getArticleFileRange: async (params: { begin: number; end: number; last?: number }) => {
      asked.push(params);
      const value = { data: base64(file.subarray(params.begin, params.end)), length: file.length };
      if (!params.last) return { ok: true, value };
      const begin = Math.max(params.end, Math.floor((file.length - params.last) / params.last) * params.last);
      return { ok: true, value: { ...value, last: { begin, data: base64(file.subarray(begin)) } } };
    },
  },
}));

const { articleSource } = await import('./article-source');

afterEach(() => void (asked.length = 0));

describe('articleSource', () => {
  it("asks for the file's end with its first bytes and reads pdf.js' next ranges there without a call", async () => {
    const source = await articleSource('a');
    if (!source.ok) throw new Error('no source');
    expect(asked).toEqual([{ id: 'a', begin: 0, end: PDF_CHUNK, last: PDF_CHUNK }]);
    expect(source.value.length).toBe(file.length);
    expect(source.value.initial).toEqual(file.subarray(0, PDF_CHUNK));
    // pdf.js asks by whole chunks: the last one, then the one before it.
    expect(await source.value.read(3 * PDF_CHUNK, file.length)).toEqual(file.subarray(3 * PDF_CHUNK));
    expect(await source.value.read(2 * PDF_CHUNK, 3 * PDF_CHUNK)).toEqual(
      file.subarray(2 * PDF_CHUNK, 3 * PDF_CHUNK),
    );
    expect(asked).toHaveLength(1);
  });

  it('reads a range outside the bytes it holds from the service', async () => {
    const source = await articleSource('a');
    if (!source.ok) throw new Error('no source');
    expect(await source.value.read(PDF_CHUNK, 2 * PDF_CHUNK)).toEqual(
      file.subarray(PDF_CHUNK, 2 * PDF_CHUNK),
    );
    expect(asked.at(-1)).toEqual({ id: 'a', begin: PDF_CHUNK, end: 2 * PDF_CHUNK });
  });
});

import { PDF_CHUNK, PDF_RANGE_MAX } from '../../../../shared/pdf/file-range';
import type { ApiError, Result } from '../../../../shared/result';
import { api } from '../../api';
import { fromBase64 } from '../../ui/base64';
import { startPdf, type PdfSource, type PdfStart } from './pdfjs';

/**
 * Bytes asked for with the length, before pdf.js asks for anything: the file's header and first
 * objects, one of pdf.js' chunks.
 */
const FIRST = PDF_CHUNK;

/**
 * Reads PDF article `id`'s copy by ranges through `getArticleFileRange`: its length, first bytes and
 * last chunks now, in one call (pdf.js reads the file's end, its cross-reference table and trailer,
 * right after its start, and would otherwise wait a round trip for it), the rest as pdf.js asks (a
 * range longer than the contract's cap is read in parts at once). Resolves to the service's error
 * when the first bytes cannot be had (not a PDF, unknown article).
 */
export async function articleSource(id: string): Promise<Result<PdfSource>> {
  const first = await api.getArticleFileRange({ id, begin: 0, end: FIRST, last: PDF_CHUNK });
  if (!first.ok) return first;
  const last = first.value.last && {
    begin: first.value.last.begin,
    bytes: fromBase64(first.value.last.data),
  };
  const read = async (begin: number, end: number): Promise<Uint8Array> => {
    if (last && begin >= last.begin && end <= last.begin + last.bytes.length)
      return last.bytes.slice(begin - last.begin, end - last.begin);
    const parts: Promise<Uint8Array>[] = [];
    for (let at = begin; at < end; at += PDF_RANGE_MAX) {
      parts.push(
        api.getArticleFileRange({ id, begin: at, end: Math.min(end, at + PDF_RANGE_MAX) }).then((part) => {
          if (!part.ok) throw new Error(part.error.message);
          return fromBase64(part.value.data);
        }),
      );
    }
    const pieces = await Promise.all(parts);
    if (pieces.length === 1) return pieces[0]!;
    const bytes = new Uint8Array(end - begin);
    pieces.forEach((piece, i) => bytes.set(piece, i * PDF_RANGE_MAX));
    return bytes;
  };
  return { ok: true, value: { length: first.value.length, initial: fromBase64(first.value.data), read } };
}

/** The service's answer when the first bytes of a PDF article's copy cannot be had. */
export class SourceFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/**
 * Sets going the opening of PDF article `id` (see startPdf): its first bytes asked for, pdf.js and its
 * worker loading. Its source rejects with a SourceFailure when the service refuses the first bytes.
 */
export function startArticlePdf(id: string): PdfStart {
  return startPdf(
    articleSource(id).then((read) => {
      if (!read.ok) throw new SourceFailure(read.error);
      return read.value;
    }),
  );
}

import { constants, inflateSync } from 'node:zlib';

/** Most bytes one Flate stream of a PDF may inflate to before the file is refused: 128 MiB. */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** Most bytes all its Flate streams together may inflate to: 1 GiB. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/**
 * Finds a decompression bomb before pdf.js sees the file: inflates every stream whose dictionary names
 * FlateDecode, each within MAX_STREAM_BYTES and all within MAX_TOTAL_BYTES, keeping nothing. pdf.js
 * itself inflates a stream whole, however large, so a 1 MB file could ask for gigabytes. Streams that are
 * not valid zlib are left to pdf.js (which repairs or skips them). Streams inside object streams are
 * counted through the object stream that holds them.
 * @returns a sentence saying what is too large, or null when the file is within bounds.
 */
export function findInflateBomb(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const streams = /\/FlateDecode\b[^]*?\bstream\r?\n/g;
  let total = 0;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    streams.lastIndex = end;
    const budget = Math.min(MAX_STREAM_BYTES, MAX_TOTAL_BYTES - total);
    try {
      total += inflateSync(bytes.subarray(start, end), {
        maxOutputLength: budget,
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') continue;
      return budget === MAX_STREAM_BYTES
        ? `a compressed stream in it inflates to more than ${MAX_STREAM_BYTES >> 20} MB (a decompression bomb?).`
        : `its compressed streams inflate to more than ${MAX_TOTAL_BYTES >> 20} MB in all.`;
    }
  }
  return null;
}

import { constants } from 'node:fs';
import { GlossError } from '../../../shared/result';
import { openNoFollow } from '../fs/no-follow';
import type { LibraryStore } from '../store';
import type { LibraryService } from './library-service';

/** Some bytes of a PDF copy and the copy's whole length, both in bytes; with its last bytes when asked. */
export interface PdfRange {
  bytes: Buffer;
  length: number;
  last?: { begin: number; bytes: Buffer };
}

/**
 * Where the copy's last bytes start when asked for by `last`: the last multiple of `last` at least
 * `last` bytes before the end (so they are whole chunks for a reader that reads `last` bytes at a
 * time), and never before `end`; null when the asked range already reaches the end.
 */
export function lastBegin(size: number, end: number, last: number): number | null {
  const begin = Math.max(end, Math.floor(Math.max(0, size - last) / last) * last);
  return begin < size ? begin : null;
}

/**
 * Reads bytes `begin`–`end` (end excluded, stopping at the end of the copy) of PDF article `id`'s
 * imported copy, opened as every library file is (no link followed, regular files only), and with
 * `last` its last bytes too (see lastBegin): where pdf.js looks right after the first bytes, for the
 * cross-reference table and the trailer, so the reader has both in one call. The caller bounds the
 * range's length and `last` (the contract does).
 * @throws GlossError 'not-found' for an unknown or deleted article, 'unsupported' when it is not a
 *   PDF, 'invalid-argument' when `begin` is at or past the end of the copy, 'forbidden' when its
 *   path would leave the library or is a link, 'io' when the copy cannot be read.
 */
export async function readPdfRange(
  store: LibraryStore,
  library: LibraryService,
  id: string,
  begin: number,
  end: number,
  last?: number,
): Promise<PdfRange> {
  const article = store.getArticle(id);
  if (!article || article.deleted) throw new GlossError('not-found', 'That article is not in the library.');
  if (article.format !== 'pdf') throw new GlossError('unsupported', 'Only a PDF article has pages to draw.');
  const file = await library.resolveSource(article);
  try {
    const handle = await openNoFollow(file, constants.O_RDONLY, store.libraryPath);
    try {
      const { size } = await handle.stat();
      if (begin >= size)
        throw new GlossError('invalid-argument', `The copy of “${article.title}” has only ${size} bytes.`);
      const read = async (from: number, to: number): Promise<Buffer> => {
        const bytes = Buffer.alloc(to - from);
        let done = 0;
        while (done < bytes.length) {
          const { bytesRead } = await handle.read(bytes, done, bytes.length - done, from + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return done === bytes.length ? bytes : bytes.subarray(0, done);
      };
      const bytes = await read(begin, Math.min(end, size));
      const tail = last === undefined ? null : lastBegin(size, end, last);
      if (tail === null) return { bytes, length: size };
      return { bytes, length: size, last: { begin: tail, bytes: await read(tail, size) } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError('io', `The copy of “${article.title}” cannot be read: ${(error as Error).message}`);
  }
}

import { constants } from 'node:fs';
import { GlossError } from '../../../shared/result';
import { openNoFollow } from '../fs/no-follow';
import type { LibraryStore } from '../store';
import type { LibraryService } from './library-service';

/** Some bytes of a PDF copy and the copy's whole length, both in bytes. */
export interface PdfRange {
  bytes: Buffer;
  length: number;
}

/**
 * Reads bytes `begin`–`end` (end excluded, stopping at the end of the copy) of PDF article `id`'s
 * imported copy, opened as every library file is (no link followed, regular files only). The caller
 * bounds the range's length (the contract does).
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
      const bytes = Buffer.alloc(Math.min(end, size) - begin);
      let read = 0;
      while (read < bytes.length) {
        const { bytesRead } = await handle.read(bytes, read, bytes.length - read, begin + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return { bytes: read === bytes.length ? bytes : bytes.subarray(0, read), length: size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError('io', `The copy of “${article.title}” cannot be read: ${(error as Error).message}`);
  }
}

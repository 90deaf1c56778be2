import { createHash } from 'node:crypto';
import { BOOK_IMAGE_NAME } from '../../../../shared/book-image';

/** Entries that may be a raster image, by name; their bytes decide (see imageType). SVG is never read. */
export const IMAGE_ENTRY = /\.(?:png|jpe?g|gif|webp)$/i;

/**
 * The type of a raster image from its first bytes (PNG, JPEG, GIF, WebP), as the extension Gloss stores
 * it under, or null for anything else (SVG, a mislabelled or damaged file).
 */
export function imageType(bytes: Uint8Array): 'png' | 'jpg' | 'gif' | 'webp' | null {
  const b = bytes;
  if (b.length < 12) return null;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * The book's raster images among `files` (entry name → bytes), each under its content-addressed name
 * (`<SHA-256 hex>.<png|jpg|gif|webp>`, matching BOOK_IMAGE_NAME): entry name → stored name. Entries
 * whose bytes are not a raster image are left out.
 */
export function nameImages(files: Map<string, Uint8Array>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [entry, bytes] of files) {
    if (!IMAGE_ENTRY.test(entry)) continue;
    const type = imageType(bytes);
    if (!type) continue;
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${type}`;
    if (BOOK_IMAGE_NAME.test(name)) names.set(entry, name);
  }
  return names;
}

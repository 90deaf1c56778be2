import type { ArticleFormat } from '../../../shared/model/article';

/**
 * A converted document's text as the conversion thread sends it back: bytes (moved, not copied) in
 * an encoding, or the string itself (cloned) when no byte form holds it.
 */
export type AnswerText = { bytes: Uint8Array; encoding: 'utf-8' | 'utf-16le' | 'latin1' } | string;

/** Characters beyond Latin-1: a text without any is held one byte per character. */
const BEYOND_LATIN1 = /[^\0-\xff]/;

/**
 * Encodes a converted text for the answer. Plain text goes as its own code units: Latin-1 bytes when
 * it has no character beyond U+00FF, UTF-16LE otherwise (lone surrogates included); reading either
 * back is a copy, where UTF-8 had to be decoded (a third of a second for 10 M characters of
 * Vietnamese). Other formats keep UTF-8, the smallest for Vietnamese, or the string when it holds a
 * lone surrogate (UTF-8 cannot). Pure.
 */
export function encodeAnswerText(text: string, format: ArticleFormat): AnswerText {
  if (format === 'txt') {
    const latin1 = !BEYOND_LATIN1.test(text);
    const bytes = new Uint8Array(latin1 ? text.length : text.length * 2);
    Buffer.from(bytes.buffer).write(text, latin1 ? 'latin1' : 'utf16le');
    return { bytes, encoding: latin1 ? 'latin1' : 'utf-16le' };
  }
  return isWellFormed(text) ? { bytes: new TextEncoder().encode(text), encoding: 'utf-8' } : text;
}

/** The string `encodeAnswerText` encoded. */
export function decodeAnswerText(text: AnswerText): string {
  if (typeof text === 'string') return text;
  const { bytes, encoding } = text;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString(encoding === 'utf-16le' ? 'utf16le' : encoding);
}

/** String.prototype.isWellFormed (Node 20; the TypeScript lib here predates it). */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Block, Page } from '../../../shared/model/article';

/** An article's canonical text, blocks (and pages, for a PDF), with the SHA-256 (hex) of the text's UTF-8 bytes (its `contentHash`). */
export interface CachedContent {
  text: string;
  blocks: Block[];
  pages?: Page[];
  hash: string;
}

/** UTF-16 units encoded at a time when a whole text is hashed or written, so no copy of the whole text is made. */
const CHUNK_UNITS = 1 << 20;

/** `text` in consecutive pieces of about CHUNK_UNITS, never cut inside a surrogate pair. */
export function* textChunks(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK_UNITS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
}

/** The SHA-256 (hex) of a text's UTF-8 bytes, as an article's `contentHash`. */
export function textHash(text: string): string {
  const hash = createHash('sha256');
  for (const chunk of textChunks(text)) hash.update(chunk, 'utf8');
  return hash.digest('hex');
}

/**
 * The JSON of a content file (`{"text":…,"blocks":…,"pages":…}`, as JSON.stringify writes it) in pieces, so a long
 * article is written without a second whole copy of its text.
 */
export function* encodeContentFile(content: {
  text: string;
  blocks: Block[];
  pages?: Page[];
}): Generator<string> {
  yield '{"text":"';
  for (const chunk of textChunks(content.text)) yield JSON.stringify(chunk).slice(1, -1);
  yield '","blocks":[';
  for (let i = 0; i < content.blocks.length; i += 4096) {
    yield (i > 0 ? ',' : '') + JSON.stringify(content.blocks.slice(i, i + 4096)).slice(1, -1);
  }
  yield ']';
  if (content.pages !== undefined) yield `,"pages":${JSON.stringify(content.pages)}`;
  yield '}';
}

/**
 * The texts of the last few articles read or written, so the open article's
 * text is read and validated once, not at every highlight. Entries are shared:
 * callers must not change them.
 */
export class ContentCache {
  private readonly entries = new Map<string, CachedContent>();

  /** @param size how many articles are kept (the least recently used goes first). */
  constructor(private readonly size: number) {}

  /** The article's content, if kept; marks it most recently used. */
  get(id: string): CachedContent | undefined {
    const content = this.entries.get(id);
    if (content) {
      this.entries.delete(id);
      this.entries.set(id, content);
    }
    return content;
  }

  /** Keeps an article's content, dropping the least recently used beyond the size. */
  set(id: string, content: CachedContent): void {
    this.entries.delete(id);
    this.entries.set(id, content);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets an article's content. */
  delete(id: string): void {
    this.entries.delete(id);
  }
}

/** UTF-16 units of the header of a text file: the 64 hex digits of the text's hash and a newline. */
const HEADER_UNITS = 65;

/**
 * The bytes of an article's plain text file, in pieces (`content/<id>.utf16le`): UTF-16LE,
 * so the text from UTF-16 offset `start` is at byte `2 * (65 + start)`, after a
 * header holding the text's hash (so a file left from another version of the
 * text is never taken for this one).
 */
export function* encodeTextFile(text: string, hash: string): Generator<Buffer> {
  yield Buffer.from(`${hash}\n`, 'utf16le');
  for (const chunk of textChunks(text)) yield Buffer.from(chunk, 'utf16le');
}

/**
 * Reads [start, end) (UTF-16 units, clamped to the text) of an article's plain
 * text file, synchronously; undefined when the file is missing, unreadable or
 * holds another text than the one whose hash is `hash`.
 */
export function readTextFileRange(
  file: string,
  hash: string,
  start: number,
  end?: number,
): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const header = Buffer.alloc(HEADER_UNITS * 2);
    if (readSync(fd, header, 0, header.length, 0) !== header.length) return undefined;
    if (header.toString('utf16le') !== `${hash}\n`) return undefined;
    const { size } = fstatSync(fd);
    if (size % 2 !== 0) return undefined;
    const length = size / 2 - HEADER_UNITS;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end ?? length, length));
    const bytes = Buffer.alloc((to - from) * 2);
    const read = readSync(fd, bytes, 0, bytes.length, (HEADER_UNITS + from) * 2);
    return read === bytes.length ? bytes.toString('utf16le') : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

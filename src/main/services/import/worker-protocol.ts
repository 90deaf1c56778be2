import type { Block } from '../../../shared/model/article';
import type { ErrorCode, ErrorParams } from '../../../shared/result';
import type { AnswerText } from './answer-text';

/**
 * Files from this size on (8 MiB) are large: the thread collects its garbage before it answers, and
 * is ended once it has, before the answer is decoded, so that its heap and the answer never add up.
 */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/** What the conversion thread receives: one file's bytes (moved, not copied), name and, for an encrypted PDF, its password. */
export interface ConvertRequest {
  bytes: Uint8Array;
  fileName: string;
  password?: string;
}

/**
 * Asks the thread to load the converter of a file name's format ahead of a file (no answer): a fresh
 * thread started after a large file is ready for the next one of the same kind.
 */
export interface PrepareRequest {
  prepare: string;
}

/**
 * Whether a fresh thread is started and prepared after a large file of this name: plain text and
 * Markdown, whose converters load neither jsdom nor pdf.js. A thread with jsdom loaded holds about
 * 130 MB, which would add to a large HTML import's peak while its document is saved.
 */
export const preparedAhead = (fileName: string): boolean => /\.(?:txt|md|markdown)$/i.test(fileName);

/**
 * What it answers per file: that it has loaded the format's converter and starts converting; then the
 * document, its text (see encodeAnswerText) and the file's bytes given back (moved), or the
 * error. `plainHtml` marks the blocks whose html was their text and is sent empty (see dropPlainHtml).
 */
export type ConvertReply =
  | { started: true }
  | {
      ok: true;
      /** The document but its text, as the UTF-8 bytes of its JSON (moved): read once the thread has ended. */
      document: Uint8Array;
      text: AnswerText;
      plainHtml: Uint8Array;
      bytes: Uint8Array;
    }
  | { ok: false; code: ErrorCode; message: string; params?: ErrorParams };

/**
 * Empties the html of each block whose html is exactly its text (a paragraph with no markup and
 * nothing to escape), so that the text is not sent twice; returns one byte per block, 1 where emptied.
 */
export function dropPlainHtml(text: string, blocks: Block[]): Uint8Array {
  const plain = new Uint8Array(blocks.length);
  blocks.forEach((block, i) => {
    if (
      block.html &&
      block.html.length === block.end - block.start &&
      block.html === text.slice(block.start, block.end)
    ) {
      block.html = '';
      plain[i] = 1;
    }
  });
  return plain;
}

/** Gives back the html dropPlainHtml emptied: the block's text, a slice of `text` (no copy). */
export function restorePlainHtml(text: string, blocks: Block[], plain: Uint8Array): void {
  blocks.forEach((block, i) => {
    if (plain[i] === 1) block.html = text.slice(block.start, block.end);
  });
}

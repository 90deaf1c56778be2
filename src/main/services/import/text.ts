import { lineBlocks, type Converted } from './blocks';
import { findAuthor, findPublished } from './metadata';

/** A first line longer than this is a paragraph, not a title. */
const MAX_TITLE_LENGTH = 200;
const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * Converts canonical plain text: the text stays as it is, each non-blank
 * line is a block, and the first line is the title (an 'h1' block) when a
 * blank line follows it. Date and byline are looked for in the other lines.
 */
export function convertPlainText(text: string): Converted {
  const blocks = lineBlocks(text);
  const [first, second] = blocks;
  const isTitle =
    first !== undefined &&
    first.end - first.start <= MAX_TITLE_LENGTH &&
    BLANK_LINE.test(text.slice(first.end, second?.start ?? text.length));
  if (first && isTitle) first.kind = 'h1';
  const lines = blocks.slice(isTitle ? 1 : 0).map((b) => text.slice(b.start, b.end));
  return {
    text,
    blocks,
    title: first && isTitle ? text.slice(first.start, first.end) : null,
    author: findAuthor(lines),
    published: findPublished(lines),
  };
}

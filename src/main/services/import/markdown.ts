import type { Converted } from './blocks';
import { blocksFromHtml } from './blocks';
import { checkHtmlDepth } from './limits';
import { MARKDOWN_PIECE_CHARS, markdownDocument, type HeldText, type HtmlPath } from './markdown-document';
import { sanitizeToFragment } from './sanitize';

/** Marked's HTML for some tokens, checked for depth, sanitized with the shared policy, and walked into blocks. */
const sanitizedBlocks: HtmlPath = (html) => {
  checkHtmlDepth(html);
  return blocksFromHtml(sanitizeToFragment(html));
};

/**
 * Converts canonical Markdown: YAML front matter (title, author or authors, date or published, tags,
 * lang or language) is read and left out of the text; the rest becomes blocks as marked (GFM)
 * renders it, sanitized. The title is the front matter's, else the first heading. A leading "---"
 * block that is not a YAML mapping is kept as Markdown. See markdownDocument for how: most blocks
 * are built from marked's tokens; raw HTML, tables and the like go through the sanitizer, a
 * `pieceChars` characters at a time at most.
 * @throws GlossError('too-complex') when lists or quotes nest deeper than MAX_MARKDOWN_NESTING, or
 *   its HTML deeper than MAX_HTML_DEPTH.
 */
export function convertMarkdown(markdown: string, pieceChars = MARKDOWN_PIECE_CHARS): Converted {
  return markdownDocument({ text: markdown }, pieceChars, sanitizedBlocks);
}

/** convertMarkdown of a source it may let go of once converted (see HeldText). @throws as convertMarkdown. */
export function convertHeldMarkdown(source: HeldText): Converted {
  return markdownDocument(source, MARKDOWN_PIECE_CHARS, sanitizedBlocks);
}

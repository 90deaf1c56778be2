/**
 * Characters that start inline Markdown (or Obsidian) syntax in plain text:
 * emphasis, code, links, HTML, tags, tables, strikethrough, math, block ids,
 * entities, `==highlights==` and `%%comments%%`.
 */
const INLINE_SYNTAX = /[\\`*_[<#|~$^]|={2,}|%{2,}|&(?=#?\w+;)/g;

/**
 * Line starts (after up to three spaces) that turn a line into another block:
 * heading, quote, list item, thematic break or setext underline, table row,
 * code fence, HTML block (Gloss's own markers included) and link reference
 * definition. The first character gets a backslash.
 */
const BLOCK_START =
  /^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|[-=_*][ \t]*(?:[-=_*][ \t]*)*$|\||```|~~~|<|\[[^\]]*\]:)/;

/** Whether any line starts (after up to three spaces) with a character a block marker can start with. */
const MAYBE_BLOCK_START = /(?:^|\n) {0,3}[-#>+*=_|`~<[0-9]/;

/** An ordered list item start: its number, then the "." or ")" that gets the backslash. */
const ORDERED_START = /^\d{1,9}(?=[.)](?:[ \t]|$))/;

function escapeLineStart(line: string): string {
  const indent = /^ {0,3}/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  if (BLOCK_START.test(rest)) return `${indent}\\${rest}`;
  const number = ORDERED_START.exec(rest)?.[0];
  return number === undefined ? line : `${indent}${number}\\${rest.slice(number.length)}`;
}

function escapeBlockStarts(text: string): string {
  if (!MAYBE_BLOCK_START.test(text)) return text;
  return text.split('\n').map(escapeLineStart).join('\n');
}

/** Normalises line ends to LF. */
function lf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function backslashEach(syntax: string): string {
  return syntax.length === 1 ? `\\${syntax}` : syntax.replace(/./g, '\\$&');
}

/**
 * Escapes plain text (a quote, a title) so that Markdown and Obsidian show it
 * literally: no character starts formatting, a link, a tag (`#word`) or a new
 * block. Line breaks are kept (as LF).
 */
export function escapeMarkdownText(text: string): string {
  return escapeBlockStarts(lf(text).replace(INLINE_SYNTAX, backslashEach));
}

/** A line Gloss reads as one of its markers, or an HTML comment that could be taken for one. */
const MARKER_LIKE = /^( {0,3})(<!-- ?gloss:)/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A note, which is Markdown the user wrote, as it goes into an export: exactly as written (headings,
 * lists, quotes, links, emphasis, code and #tags render as the user meant), except that a line that
 * would read as a Gloss marker gets its "<" escaped, and a code fence left open is closed, so the note
 * cannot swallow what follows it. Line breaks become LF.
 */
export function noteMarkdown(text: string): string {
  const note = lf(text).replace(MARKER_LIKE, '$1\\$2');
  let open: string | null = null;
  for (const line of note.split('\n')) {
    const fence = FENCE.exec(line)?.[1];
    if (!fence) continue;
    if (open === null) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length) open = null;
  }
  return open === null ? note : `${note}\n${open}`;
}

/** Prefixes every line with "> " (an empty line with ">"), making a blockquote of already escaped text. */
export function blockquote(escaped: string): string {
  if (!escaped.includes('\n')) return escaped === '' ? '>' : `> ${escaped}`;
  return escaped
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Tags repeat across thousands of highlights; their Obsidian form is worth remembering. */
const TAG_CACHE_SIZE = 10_000;
const tagCache = new Map<string, string | null>();

/**
 * Turns a tag name into a tag Obsidian accepts, without the "#": NFC,
 * whitespace and characters Obsidian does not allow in tags become "-"
 * (letters of every script, digits, "_", "-" and "/" for nesting are kept),
 * and a tag made only of digits gets a leading "_". Returns null when nothing
 * usable is left (a tag made only of punctuation).
 */
export function obsidianTag(name: string): string | null {
  const known = tagCache.get(name);
  if (known !== undefined) return known;
  if (tagCache.size >= TAG_CACHE_SIZE) tagCache.clear();
  const tag = toObsidianTag(name);
  tagCache.set(name, tag);
  return tag;
}

function toObsidianTag(name: string): string | null {
  const tag = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (tag === '') return null;
  return /^[\d/]+$/.test(tag) ? `_${tag}` : tag;
}

/** Obsidian-safe versions of tag names, without duplicates, in their first order. */
export function obsidianTags(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const tags = names.map(obsidianTag).filter((t): t is string => t !== null);
  return [...new Set(tags)];
}

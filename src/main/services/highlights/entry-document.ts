import { parse as parseYaml, stringify } from 'yaml';
import { blockquote, escapeMarkdownText } from '../../../shared/export/escape';
import { FORMAT_NAMES, type ForeignBook, type ForeignHighlight, type HighlightFormat } from './types';

/** The front-matter key that marks a Markdown copy as a highlights-only entry, naming the format. */
export const ENTRY_KEY = 'highlights-from';

const FRONT_MATTER = /^---[^\S\n]*\n([\s\S]*?)\n---[^\S\n]*(?:\n|$)/;

/**
 * True when `markdown` (a copy in `articles/`) is a highlights-only entry Gloss wrote: its front matter
 * has a `highlights-from` key.
 */
export function isEntryDocument(markdown: string): boolean {
  const match = FRONT_MATTER.exec(markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!match) return false;
  try {
    const value: unknown = parseYaml(match[1] ?? '');
    return typeof value === 'object' && value !== null && ENTRY_KEY in value;
  } catch {
    return false;
  }
}

/** The date part (YYYY-MM-DD, local) of an ISO moment. */
function day(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * One highlight as a section of an entry: the quote as a block quote (escaped, so its text is exactly the
 * quote), then a line with where it is in the book and when it was made, when known.
 */
export function highlightSection(highlight: ForeignHighlight): string {
  const meta = [highlight.where, highlight.created && day(highlight.created)].filter(Boolean).join(' · ');
  const quote = blockquote(escapeMarkdownText(highlight.quote));
  return meta ? `${quote}\n\n${escapeMarkdownText(meta)}\n` : `${quote}\n`;
}

/**
 * The Markdown of a new highlights-only entry for `book`: front matter (title, author, the book's tags,
 * source, and the `highlights-from` marker), a line naming where the highlights come from, then one
 * section per highlight (see highlightSection). Imported like any Markdown article, so search, tags and
 * export treat it as one.
 */
export function entryDocument(
  book: ForeignBook,
  format: HighlightFormat,
  highlights: ForeignHighlight[],
): string {
  const front = stringify({
    title: book.title,
    ...(book.author && { author: book.author }),
    ...(book.tags.length && { tags: book.tags }),
    source: book.source,
    [ENTRY_KEY]: format,
  });
  const from = /^https?:\/\//.test(book.source)
    ? `Highlights from ${FORMAT_NAMES[format]} on <${book.source.replace(/[<>\s]/g, encodeURIComponent)}>.`
    : `Highlights from ${escapeMarkdownText(FORMAT_NAMES[format])}.`;
  return [`---\n${front}---\n`, `${from}\n`, ...highlights.map(highlightSection)].join('\n');
}

/** `markdown` (an entry) with sections for `highlights` added at its end. */
export function appendToEntry(markdown: string, highlights: ForeignHighlight[]): string {
  const base = markdown.replace(/\s*$/, '\n');
  return [base, ...highlights.map(highlightSection)].join('\n');
}

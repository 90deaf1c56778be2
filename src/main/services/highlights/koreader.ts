import {
  cleanText,
  colorOf,
  isRecord,
  stringOf,
  type ForeignBook,
  type ForeignHighlight,
  type ParsedHighlights,
} from './types';

/** True when `value` looks like KOReader's JSON export: one book with `entries`, or `documents` of them. */
export function isKoreaderExport(value: unknown): boolean {
  return isRecord(value) && (Array.isArray(value.entries) || Array.isArray(value.documents));
}

function dateOf(seconds: unknown): string | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? new Date(seconds * 1000).toISOString()
    : null;
}

function entryOf(entry: unknown): ForeignHighlight | null {
  // Some versions write each entry as a list of the clippings at that place.
  const clip = Array.isArray(entry) ? entry[0] : entry;
  if (!isRecord(clip)) return null;
  const quote = cleanText(stringOf(clip.text));
  if (!quote) return null;
  const page = stringOf(clip.page);
  const chapter = cleanText(stringOf(clip.chapter));
  const where = [chapter, page && `page ${page}`].filter(Boolean).join(', ');
  return {
    quote,
    note: cleanText(stringOf(clip.note)),
    tags: [],
    color: colorOf(clip.color),
    created: dateOf(clip.time),
    where: where || null,
    key: `page:${page}@${stringOf(clip.time)}`,
  };
}

function bookOf(document: Record<string, unknown>, counts: { ignored: number }): ForeignBook | null {
  const entries = Array.isArray(document.entries) ? document.entries : [];
  const highlights: ForeignHighlight[] = [];
  for (const entry of entries) {
    const highlight = entryOf(entry);
    if (highlight) highlights.push(highlight);
    else counts.ignored++;
  }
  const file = stringOf(document.file);
  const title = cleanText(stringOf(document.title)) || file.split(/[\\/]/).pop() || 'Untitled';
  const author = cleanText(stringOf(document.author)).split('\n').filter(Boolean).join(', ') || null;
  return highlights.length ? { title, author, source: 'KOReader', tags: [], highlights, notes: [] } : null;
}

/**
 * Reads KOReader's JSON highlight export (its exporter's "JSON" target): a single book
 * `{ title, author, file, entries: [{ page, time, chapter, text, note, color, drawer }] }`, or
 * `{ documents: [ …books ] }` when several were exported at once. `time` is in Unix seconds.
 */
export function parseKoreaderJson(value: unknown): ParsedHighlights {
  const counts = { ignored: 0 };
  const documents = isRecord(value) && Array.isArray(value.documents) ? value.documents : [value];
  const books = documents
    .filter(isRecord)
    .map((d) => bookOf(d, counts))
    .filter((b): b is ForeignBook => b !== null);
  return { format: 'koreader', books, duplicates: 0, ignored: counts.ignored };
}

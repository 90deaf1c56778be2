import { parse } from 'csv-parse/sync';
import { GlossError } from '../../../shared/result';
import { cleanText, colorOf, type ForeignBook, type ParsedHighlights } from './types';

/** True when the first line of a CSV file is Readwise's export header (a "Highlight" and a title column). */
export function isReadwiseCsv(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return columns.includes('Highlight') && (columns.includes('Book Title') || columns.includes('Title'));
}

function tagsOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((t) => cleanText(t))
    .filter(Boolean);
}

function dateOf(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  const time = Date.parse(value.trim().replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * Reads Readwise's CSV export: one row per highlight with the columns Highlight, Book Title, Book Author,
 * Amazon Book ID, Note, Color, Tags, Location Type, Location, Highlighted at, Document tags (also the
 * shorter Title, Author, URL of its import template). Rows are grouped by title and author.
 * @throws GlossError('invalid-argument') when the CSV cannot be read.
 */
export function parseReadwiseCsv(text: string): ParsedHighlights {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new GlossError(
      'invalid-argument',
      `The Readwise CSV file cannot be read: ${(error as Error).message}`,
    );
  }
  const books = new Map<string, ForeignBook>();
  let ignored = 0;
  for (const row of rows) {
    const quote = cleanText(row.Highlight ?? '');
    if (!quote) {
      ignored++;
      continue;
    }
    const title = cleanText(row['Book Title'] ?? row.Title ?? '') || 'Untitled';
    const author = cleanText(row['Book Author'] ?? row.Author ?? '') || null;
    const key = `${title}\n${author ?? ''}`;
    let book = books.get(key);
    if (!book) {
      const source = cleanText(row.URL ?? '') || 'Readwise';
      book = { title, author, source, tags: tagsOf(row['Document tags']), highlights: [], notes: [] };
      books.set(key, book);
    }
    const type = cleanText(row['Location Type'] ?? '');
    const location = cleanText(row.Location ?? '');
    book.highlights.push({
      quote,
      note: cleanText(row.Note ?? ''),
      tags: tagsOf(row.Tags),
      color: colorOf(row.Color),
      created: dateOf(row['Highlighted at']),
      where: location ? `${type || 'location'} ${location}` : null,
      key: location ? `${type}:${location}` : '',
    });
  }
  return { format: 'readwise', books: [...books.values()], duplicates: 0, ignored };
}

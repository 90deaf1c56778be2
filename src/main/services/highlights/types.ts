import type { HighlightColor } from '../../../shared/model/annotation';

/** The readers and services whose highlight exports Gloss imports. */
export type HighlightFormat = 'kindle' | 'koreader' | 'hypothesis' | 'readwise';

/** Names of the formats for people, e.g. in an import report. */
export const FORMAT_NAMES: Record<HighlightFormat, string> = {
  kindle: 'Kindle (My Clippings.txt)',
  koreader: 'KOReader',
  hypothesis: 'Hypothesis',
  readwise: 'Readwise',
};

/** One highlight read from another reader's export. */
export interface ForeignHighlight {
  /** The highlighted text, NFC with LF line ends, trimmed; never empty. */
  quote: string;
  /** The user's note on it (Markdown or plain text), "" when none. */
  note: string;
  tags: string[];
  /** Its colour when the export has one Gloss knows. */
  color: HighlightColor | null;
  /** When it was made (ISO 8601 with offset), when the export says. */
  created: string | null;
  /** Where it is in the book, for people: "page 12, location 170–172"; null when unknown. */
  where: string | null;
  /** What identifies it within its book in this export (a source id, else its location); "" when nothing. */
  key: string;
  /** Context and position the export gives (Hypothesis), used as anchoring hints. */
  context?: { prefix: string; suffix: string; start?: number };
}

/** A note not attached to any quote: a Hypothesis page note, or a Kindle note whose highlight is missing. */
export interface ForeignNote {
  text: string;
  where: string | null;
  created: string | null;
}

/** One book (or web page) of an export, with its highlights in the export's order. */
export interface ForeignBook {
  title: string;
  author: string | null;
  /** Where the highlights come from: the page's address, or the reader's name. */
  source: string;
  /** Tags of the whole book (Readwise's document tags). */
  tags: string[];
  highlights: ForeignHighlight[];
  notes: ForeignNote[];
}

/** What one export file holds. */
export interface ParsedHighlights {
  format: HighlightFormat;
  books: ForeignBook[];
  /** Entries dropped while reading as repeats of another (Kindle's re-highlighting). */
  duplicates: number;
  /** Entries that are neither highlights nor notes (bookmarks, replies, empty clippings). */
  ignored: number;
}

/** A quote as Gloss keeps text: NFC, LF line ends, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** True when `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a string, else "". */
export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Maps a colour name of another reader to the nearest Gloss colour; null for none or unknown. */
export function colorOf(name: unknown): HighlightColor | null {
  const colors: Record<string, HighlightColor> = {
    yellow: 'yellow',
    red: 'red',
    green: 'green',
    olive: 'green',
    blue: 'blue',
    cyan: 'blue',
    purple: 'purple',
    pink: 'magenta',
    magenta: 'magenta',
    orange: 'orange',
    gray: 'gray',
    grey: 'gray',
  };
  return typeof name === 'string' ? (colors[name.trim().toLowerCase()] ?? null) : null;
}

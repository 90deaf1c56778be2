import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model/annotation';

/**
 * An article's highlights as the index keeps them: column by column, in
 * document order (by start), so a saved index loads as a few arrays per
 * article rather than a hundred thousand small objects. `colors` are
 * indexes into HIGHLIGHT_COLORS.
 */
export interface Highlights {
  ids: string[];
  colors: number[];
  starts: number[];
  ends: number[];
  notes: string[];
  tags: string[][];
  /** By highlight id, the quotes that cannot be read from the article's search form at their position. */
  quotes: Map<string, string>;
}

/** One highlight, as added to `Highlights`. */
export interface HighlightRow {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
  note: string;
  tags: string[];
  /** Set only when the quote cannot be read from the article's search form at [start, end). */
  quote?: string;
}

/** Highlights from rows in any order. */
export function highlightsOf(rows: HighlightRow[]): Highlights {
  const highlights: Highlights = {
    ids: [],
    colors: [],
    starts: [],
    ends: [],
    notes: [],
    tags: [],
    quotes: new Map(),
  };
  for (const row of [...rows].sort((a, b) => a.start - b.start))
    addRow(highlights, row, highlights.ids.length);
  return highlights;
}

/** Adds a row after every highlight that starts at or before it. */
export function insertRow(highlights: Highlights, row: HighlightRow): void {
  let at = highlights.starts.findIndex((start) => start > row.start);
  if (at === -1) at = highlights.ids.length;
  addRow(highlights, row, at);
}

/** Removes the highlight with `id`; false when there is none. */
export function removeRow(highlights: Highlights, id: string): boolean {
  const at = highlights.ids.indexOf(id);
  if (at === -1) return false;
  for (const column of [
    highlights.ids,
    highlights.colors,
    highlights.starts,
    highlights.ends,
    highlights.notes,
  ]) {
    column.splice(at, 1);
  }
  highlights.tags.splice(at, 1);
  highlights.quotes.delete(id);
  return true;
}

/** The colour of the highlight at `i`. */
export function colorAt(highlights: Highlights, i: number): HighlightColor {
  return HIGHLIGHT_COLORS[highlights.colors[i] ?? 0] ?? 'yellow';
}

function addRow(highlights: Highlights, row: HighlightRow, at: number): void {
  highlights.ids.splice(at, 0, row.id);
  highlights.colors.splice(at, 0, HIGHLIGHT_COLORS.indexOf(row.color));
  highlights.starts.splice(at, 0, row.start);
  highlights.ends.splice(at, 0, row.end);
  highlights.notes.splice(at, 0, row.note);
  highlights.tags.splice(at, 0, [...row.tags]);
  if (row.quote !== undefined) highlights.quotes.set(row.id, row.quote);
}

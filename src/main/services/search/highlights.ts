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

/** Adds a row after every highlight that starts at or before it (found by bisection); returns its index. */
export function insertRow(highlights: Highlights, row: HighlightRow): number {
  let low = 0;
  let high = highlights.starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((highlights.starts[mid] as number) <= row.start) low = mid + 1;
    else high = mid;
  }
  addRow(highlights, row, low);
  return low;
}

/**
 * The index of the highlight `id`, or -1. With `start`, where it was added,
 * it is found by bisection among the rows starting there; without, by a scan.
 */
export function rowOf(highlights: Highlights, id: string, start?: number): number {
  if (start === undefined) return highlights.ids.indexOf(id);
  let low = 0;
  let high = highlights.starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((highlights.starts[mid] as number) < start) low = mid + 1;
    else high = mid;
  }
  for (let at = low; highlights.starts[at] === start; at++) if (highlights.ids[at] === id) return at;
  return -1;
}

/** Removes the highlight with `id` (see rowOf for `start`); false when there is none. */
export function removeRow(highlights: Highlights, id: string, start?: number): boolean {
  const at = rowOf(highlights, id, start);
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

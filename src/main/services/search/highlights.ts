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
  /**
   * Set while the rows from this index on were added since the others were
   * put in document order, and are not in it yet: `settle` puts them there.
   * Never saved (a save settles first).
   */
  unsorted?: number;
}

/**
 * Rows added out of order, at most, before `insertRow` puts them in order:
 * each insert then costs an append, and a settle now and then costs one pass
 * over the rows (inserting each row in place moved every column's rows
 * after it: most of a change to an article with 10,000 highlights).
 */
const UNSORTED_LIMIT = 64;

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

/**
 * Adds a row, out of document order until the rows are settled (see
 * `settle`; done here once UNSORTED_LIMIT rows wait); returns its index.
 */
export function insertRow(highlights: Highlights, row: HighlightRow): number {
  highlights.unsorted ??= highlights.ids.length;
  addRow(highlights, row, highlights.ids.length);
  if (highlights.ids.length - highlights.unsorted <= UNSORTED_LIMIT) return highlights.ids.length - 1;
  settle(highlights);
  return rowOf(highlights, row.id, row.start);
}

/**
 * Puts the rows in document order: each row added since the last settle
 * after every row starting at or before it (rows with the same start keep
 * the order they were added in). Costs one pass over the rows, none when
 * they are in order.
 */
export function settle(highlights: Highlights): void {
  const from = highlights.unsorted;
  delete highlights.unsorted;
  if (from === undefined || from >= highlights.ids.length) return;
  const { starts } = highlights;
  const added = Array.from({ length: starts.length - from }, (_, k) => from + k).sort(
    (a, b) => (starts[a] as number) - (starts[b] as number) || a - b,
  );
  const order: number[] = [];
  let next = 0;
  for (let i = 0; i < from; i++) {
    while (next < added.length && (starts[added[next] as number] as number) < (starts[i] as number)) {
      order.push(added[next++] as number);
    }
    order.push(i);
  }
  order.push(...added.slice(next));
  highlights.ids = order.map((i) => highlights.ids[i] as string);
  highlights.colors = order.map((i) => highlights.colors[i] as number);
  highlights.starts = order.map((i) => starts[i] as number);
  highlights.ends = order.map((i) => highlights.ends[i] as number);
  highlights.notes = order.map((i) => highlights.notes[i] as string);
  highlights.tags = order.map((i) => highlights.tags[i] as string[]);
}

/**
 * The index of the highlight `id`, or -1. With `start`, where it was added,
 * it is found by bisection among the settled rows starting there, else
 * among those not settled yet; without, by a scan.
 */
export function rowOf(highlights: Highlights, id: string, start?: number): number {
  if (start === undefined) return highlights.ids.indexOf(id);
  const settled = highlights.unsorted ?? highlights.ids.length;
  let low = 0;
  let high = settled;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((highlights.starts[mid] as number) < start) low = mid + 1;
    else high = mid;
  }
  for (let at = low; at < settled && highlights.starts[at] === start; at++) {
    if (highlights.ids[at] === id) return at;
  }
  for (let at = settled; at < highlights.ids.length; at++) if (highlights.ids[at] === id) return at;
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
  if (highlights.unsorted !== undefined && at < highlights.unsorted) highlights.unsorted--;
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

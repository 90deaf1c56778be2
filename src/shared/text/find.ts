import { convertWithMap, fold, type Converted } from './fold';

/** A text turned into the form queries are matched in, with the way back to canonical offsets. */
type Searchable = Converted;

/** The last text prepared for each mode: find-as-you-type asks about the same text again and again. */
const last: { folded: Searchable | null; lowered: Searchable | null } = { folded: null, lowered: null };

function prepare(text: string, exact: boolean): Searchable {
  const cached = exact ? last.lowered : last.folded;
  if (cached?.text === text) return cached;
  if (exact) return (last.lowered = convertWithMap(text, (char) => char.toLowerCase()));
  return (last.folded = convertWithMap(text, fold));
}

/**
 * Matches in text order, not overlapping: match i is the canonical range [starts[i], ends[i]). Kept in
 * typed arrays, as a one-letter query on a book-length text finds over a hundred thousand matches.
 */
export interface Matches {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export const NO_MATCHES: Matches = { starts: new Int32Array(0), ends: new Int32Array(0) };

/**
 * All matches of `query` in canonical `text`, as canonical ranges [start, end) in UTF-16 units, in text
 * order and not overlapping. Matching ignores case and, unless `exact`, accents with the Vietnamese
 * folding (fold.ts, character by character like foldWithMap: "dang" finds "Đảng", "đang" and "dạng");
 * with `exact` it ignores case only. An empty or whitespace-only query (or one of accents only) finds
 * nothing.
 *
 * The prepared (folded or lower-cased) form of the last text is kept per mode, so repeated queries on
 * the same text cost one scan each.
 */
export function findAll(text: string, query: string, options: { exact?: boolean } = {}): Matches {
  if (query.trim() === '') return NO_MATCHES;
  const exact = options.exact ?? false;
  const needle = exact ? query.normalize('NFC').toLowerCase() : fold(query);
  if (needle === '') return NO_MATCHES;
  const { converted: searchable, map } = prepare(text, exact);
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let n = 0;
  for (let i = searchable.indexOf(needle); i !== -1; i = searchable.indexOf(needle, i + needle.length)) {
    if (n === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[n] = map ? map[i]! : i;
    ends[n++] = map ? map[i + needle.length]! : i + needle.length;
  }
  return { starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * The matches overlapping the canonical range [start, end), clipped to it, with their index in
 * `matches`: what one block of the reader paints. Binary search, so the cost is that of the few matches
 * returned, however many there are in all.
 */
export function matchesIn(
  matches: Matches,
  start: number,
  end: number,
): { index: number; start: number; end: number }[] {
  const { starts, ends } = matches;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: { index: number; start: number; end: number }[] = [];
  for (let i = lo; i < starts.length && starts[i]! < end; i++) {
    found.push({ index: i, start: Math.max(start, starts[i]!), end: Math.min(end, ends[i]!) });
  }
  return found;
}

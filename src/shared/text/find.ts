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
 * All matches of `query` in canonical `text`, as canonical ranges [start, end) in UTF-16 units, in text
 * order and not overlapping. Matching ignores case and, unless `exact`, accents with the Vietnamese
 * folding (fold.ts, character by character like foldWithMap: "dang" finds "Đảng", "đang" and "dạng");
 * with `exact` it ignores case only. An
 * empty or whitespace-only query (or one of accents only) finds nothing.
 *
 * The prepared (folded or lower-cased) form of the last text is kept per mode, so repeated queries on
 * the same text cost one scan each.
 */
export function findAll(
  text: string,
  query: string,
  options: { exact?: boolean } = {},
): { start: number; end: number }[] {
  if (query.trim() === '') return [];
  const exact = options.exact ?? false;
  const needle = exact ? query.normalize('NFC').toLowerCase() : fold(query);
  if (needle === '') return [];
  const { converted: searchable, map } = prepare(text, exact);
  const matches: { start: number; end: number }[] = [];
  for (let i = searchable.indexOf(needle); i !== -1; i = searchable.indexOf(needle, i + needle.length)) {
    matches.push(
      map ? { start: map[i]!, end: map[i + needle.length]! } : { start: i, end: i + needle.length },
    );
  }
  return matches;
}

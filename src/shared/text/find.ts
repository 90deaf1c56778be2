import { fold } from './fold';

/** A text turned into the form queries are matched in, with the way back to canonical offsets. */
interface Searchable {
  text: string;
  searchable: string;
  /** Canonical offset of each unit of `searchable`, plus one past the end; null when they coincide. */
  map: Int32Array | null;
}

/**
 * Converts `text` character by character (code point by code point) with `convert`, and maps every
 * unit of the result back to the offset of the character it came from (no map is kept when every
 * character converts to as many units as it had, as in NFC Vietnamese). Each distinct non-ASCII
 * character is converted once; ASCII only needs lower-casing in both modes, done inline. A 5-million
 * character text takes about a hundred milliseconds.
 */
function convertWithMap(text: string, convert: (char: string) => string): Searchable {
  const memo = new Map<number, string>();
  let units = new Uint16Array(text.length);
  let map = new Int32Array(text.length + 1);
  let n = 0;
  let sameOffsets = true;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      units[n] = code >= 65 && code <= 90 ? code + 32 : code;
      map[n++] = i++;
      continue;
    }
    const point = text.codePointAt(i)!;
    const width = point > 0xffff ? 2 : 1;
    let converted = memo.get(point);
    if (converted === undefined) {
      converted = convert(text.slice(i, i + width));
      memo.set(point, converted);
    }
    if (converted.length !== width) sameOffsets = false;
    const needed = n + converted.length + (text.length - i - width);
    if (needed > units.length) {
      const grown = new Uint16Array(needed * 2);
      grown.set(units);
      units = grown;
      const grownMap = new Int32Array(needed * 2 + 1);
      grownMap.set(map);
      map = grownMap;
    }
    for (let k = 0; k < converted.length; k++) {
      units[n] = converted.charCodeAt(k);
      map[n++] = i;
    }
    i += width;
  }
  map[n] = text.length;
  const searchable = new TextDecoder('utf-16le').decode(units.subarray(0, n));
  return { text, searchable, map: sameOffsets ? null : map.subarray(0, n + 1) };
}

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
  const { searchable, map } = prepare(text, exact);
  const matches: { start: number; end: number }[] = [];
  for (let i = searchable.indexOf(needle); i !== -1; i = searchable.indexOf(needle, i + needle.length)) {
    matches.push(
      map ? { start: map[i]!, end: map[i + needle.length]! } : { start: i, end: i + needle.length },
    );
  }
  return matches;
}

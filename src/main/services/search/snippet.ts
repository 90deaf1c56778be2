import { fold, foldWithMap } from '../../../shared/text/fold';
import type { SearchSnippet } from '../../../shared/types';
import { isLowSurrogate } from './passages';

/** Characters of context shown before and after the first match. */
const BEFORE = 60;
const AFTER = 140;
const ELLIPSIS = '…';

/** A snippet and where its first match sits in the text it was cut from. */
export interface LocatedSnippet {
  snippet: SearchSnippet;
  /** Offsets of the first match in the source text (end exclusive). */
  start: number;
  end: number;
}

/**
 * Cuts a snippet from `text` around the first match of `pattern` (a `g`
 * regular expression over folded text, see `wordsPattern`) in `folded`,
 * which must be `fold(text)`. Every match inside the window is marked;
 * matches separated only by whitespace share one mark.
 * Whitespace is shown as single spaces. Without a match the snippet is the
 * start of the text, unmarked, and `start`/`end` are 0.
 */
export function cutSnippet(text: string, folded: string, pattern: RegExp): LocatedSnippet {
  const toText = offsetMapper(text, folded);
  pattern.lastIndex = 0;
  const first = pattern.exec(folded);
  if (!first)
    return { snippet: window(text, 0, Math.min(text.length, BEFORE + AFTER), []), start: 0, end: 0 };
  const [start, end] = toText(first.index, first.index + first[0].length);
  let from = Math.max(0, start - BEFORE);
  let to = Math.min(text.length, end + AFTER);
  if (from > 0) from = wordStartAfter(text, from, start);
  if (to < text.length) to = wordEndBefore(text, to, end);
  const marks: [number, number][] = [[start, end]];
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    const [s, e] = toText(m.index, m.index + m[0].length);
    if (s >= to) break;
    if (e <= to) marks.push([s, e]);
  }
  return { snippet: window(text, from, to, marks), start, end };
}

function window(text: string, from: number, to: number, marks: [number, number][]): SearchSnippet {
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  if (isLowSurrogate(text.charCodeAt(to))) to--;
  const lead = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const shift = lead.length - from;
  const joined: [number, number][] = [];
  for (const [s, e] of marks) {
    const last = joined.at(-1);
    if (last && /^\s*$/u.test(text.slice(last[1], s))) last[1] = e;
    else joined.push([s, e]);
  }
  return {
    text: lead + text.slice(from, to).replace(/\s/gu, ' ') + tail,
    marks: joined.map(([s, e]) => ({ start: s + shift, end: e + shift })),
  };
}

/**
 * Maps a folded range back to `text`. Folding Vietnamese is one unit for one
 * unit, so the same offsets are tried first and checked; otherwise (text
 * whose folding changes lengths) the exact per-unit map is built once.
 */
function offsetMapper(text: string, folded: string): (start: number, end: number) => [number, number] {
  let map: Int32Array | undefined;
  return (start, end) => {
    if (!map && text.length === folded.length && fold(text.slice(start, end)) === folded.slice(start, end)) {
      return [start, end];
    }
    map ??= foldWithMap(text).map;
    return [map[start] ?? text.length, map[end] ?? text.length];
  };
}

function wordStartAfter(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/u);
  return space === -1 ? from : from + space + 1;
}

function wordEndBefore(text: string, to: number, limit: number): number {
  const before = text.slice(limit, to);
  const match = /\s\S*$/u.exec(before);
  return match ? limit + match.index : to;
}

import type { SearchSnippet } from '../../../shared/model/search';
import { isLowSurrogate } from './passages';

/** Characters of context shown before and after the first match. */
const BEFORE = 60;
const AFTER = 140;
const ELLIPSIS = '…';

/**
 * Cuts a snippet from `text` around the first of `unsorted` (ranges of
 * `text`, in any order), marking every match inside the window; matches separated
 * only by whitespace share one mark. The window starts and ends at word
 * boundaries, with an ellipsis where text was cut, and whitespace is shown as
 * single spaces. Without matches it is the start of the text, unmarked.
 */
export function cutSnippet(text: string, unsorted: readonly (readonly [number, number])[]): SearchSnippet {
  const matches = [...unsorted].sort((a, b) => a[0] - b[0]);
  const first = matches[0];
  if (!first) return window(text, 0, Math.min(text.length, BEFORE + AFTER), []);
  let from = Math.max(0, first[0] - BEFORE);
  let to = Math.min(text.length, first[1] + AFTER);
  if (from > 0) from = wordStartAfter(text, from, first[0]);
  if (to < text.length) to = wordEndBefore(text, to, first[1]);
  return window(
    text,
    from,
    to,
    matches.filter(([start, end]) => start >= from && end <= to),
  );
}

function window(
  text: string,
  from: number,
  to: number,
  marks: readonly (readonly [number, number])[],
): SearchSnippet {
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  if (isLowSurrogate(text.charCodeAt(to))) to--;
  const lead = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const shift = lead.length - from;
  const joined: [number, number][] = [];
  for (const [start, end] of marks) {
    const last = joined.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (last && /^\s*$/u.test(text.slice(last[1], start))) last[1] = end;
    else joined.push([start, end]);
  }
  return {
    text: lead + text.slice(from, to).replace(/\s/gu, ' ') + tail,
    marks: joined.map(([start, end]) => ({ start: start + shift, end: end + shift })),
  };
}

function wordStartAfter(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/u);
  return space === -1 ? from : from + space + 1;
}

function wordEndBefore(text: string, to: number, limit: number): number {
  const match = /\s\S*$/u.exec(text.slice(limit, to));
  return match ? limit + match.index : to;
}

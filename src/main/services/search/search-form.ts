import { isSeparator } from '../../../shared/search/query';
import { fold, foldWithMap } from '../../../shared/text/fold';

/**
 * Text as the index reads it: folded (see `fold`), every word separator
 * turned into a space except line breaks, which stay '\n' so a phrase
 * never runs across lines. Its words are exactly `tokenize(fold(text))`.
 * Vietnamese (and most text) folds one UTF-16 unit to one, so the form is
 * as long as the text and offsets carry over unchanged; otherwise `map`
 * gives, for each unit of the form, the offset in the text it came from.
 */
export interface SearchForm {
  form: string;
  /** Present only when offsets differ between form and text; `map[form.length]` is `text.length`. */
  map?: Int32Array;
}

const SPACE = 0x20;
const LINE = 0x0a;
const UNKNOWN = 0;
const COMPLEX = 0xffff;
/**
 * Per UTF-16 unit: its unit in the form; COMPLEX when it folds to zero or
 * several units, depends on context (Σ) or is a surrogate; UNKNOWN until
 * first met (a text uses few distinct characters; folding all 65,536 up
 * front would cost a quarter of a second).
 */
const table = new Uint16Array(0x10000);

function formUnit(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return COMPLEX;
  const folded = fold(String.fromCharCode(code));
  if (folded.length !== 1 || code === 0x3a3) return COMPLEX;
  return code === LINE ? LINE : isSeparator(folded) ? SPACE : folded.charCodeAt(0);
}

/**
 * The search form of `text`; fast (a table lookup per unit) whenever folding keeps offsets. Built in
 * one byte per unit while the form stays Latin-1 (Vietnamese folds to ASCII), in two only from the
 * first unit that does not.
 */
export function toSearchForm(text: string): SearchForm {
  let narrow: Uint8Array | undefined = new Uint8Array(text.length);
  let wide: Uint16Array | undefined;
  const put = (i: number, unit: number): void => {
    if (narrow && unit > 0xff) {
      wide = new Uint16Array(text.length);
      wide.set(narrow.subarray(0, i));
      narrow = undefined;
    }
    if (narrow) narrow[i] = unit;
    else (wide as Uint16Array)[i] = unit;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let unit = table[code] as number;
    if (unit === UNKNOWN) unit = table[code] = formUnit(code);
    if (unit === COMPLEX) {
      const chunk = passThrough(text, i);
      if (chunk === undefined) return slowForm(text);
      const separator = isSeparator(chunk);
      for (let k = 0; k < chunk.length; k++) put(i + k, separator ? SPACE : chunk.charCodeAt(k));
      i += chunk.length - 1;
      continue;
    }
    put(i, unit);
  }
  return {
    form: narrow
      ? Buffer.from(narrow.buffer, 0, text.length).toString('latin1')
      : Buffer.from((wide as Uint16Array).buffer, 0, text.length * 2).toString('utf16le'),
  };
}

/**
 * The surrogate pair (or lone surrogate) at `i` when folding leaves it as it
 * is; undefined there, or at a unit whose folding changes the length.
 */
function passThrough(text: string, i: number): string | undefined {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return undefined;
  const next = text.charCodeAt(i + 1);
  const chunk = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? text.slice(i, i + 2) : text.charAt(i);
  return fold(chunk) === chunk ? chunk : undefined;
}

/**
 * Folds the whole text (so context-dependent lower-casing, Greek final
 * sigma, comes out as `fold` gives it) and takes the offsets from the
 * unit-by-unit fold, which has the same length.
 */
function slowForm(text: string): SearchForm {
  const { folded: byUnit, map } = foldWithMap(text);
  const whole = fold(text);
  const folded = whole.length === byUnit.length ? whole : byUnit;
  let form = '';
  for (const char of folded)
    form += char === '\n' ? '\n' : isSeparator(char) ? ' '.repeat(char.length) : char;
  return { form, map };
}

/** Splits a search form into its words. */
export function formWords(form: string): string[] {
  return form.split(/[ \n]+/).filter((word) => word !== '');
}

/**
 * Adds each distinct word of a search form to `words`, match by match: a book-length form never
 * becomes one array of all its words.
 */
export function addDistinctWords(form: string, words: Set<string>): void {
  const pattern = /[^ \n]+/g;
  for (let match = pattern.exec(form); match; match = pattern.exec(form)) words.add(match[0]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular expression (flag `g`) over search forms that matches any of the
 * given word sequences as whole words, the words of a sequence separated by
 * spaces (any number: "Đà, Nẵng" folds to "da  nang"), never by a line break.
 * Longer sequences are tried first. Matches nothing when given nothing.
 */
export function formPattern(sequences: readonly (readonly string[])[]): RegExp {
  const alternatives = [
    ...new Set(sequences.filter((s) => s.length > 0).map((s) => s.map(escapeRegExp).join(' +'))),
  ];
  alternatives.sort((a, b) => b.length - a.length);
  const body = alternatives.length > 0 ? alternatives.join('|') : '(?!)';
  return new RegExp(`(?<![^ \\n])(?:${body})(?![^ \\n])`, 'g');
}

/**
 * True when `form` holds the word sequence as whole words. The common case
 * (single spaces) is an `indexOf`; only when that fails for several words is
 * `pattern` (`formPattern([words])`, made here unless given) run.
 */
export function containsWords(form: string, words: readonly string[], pattern?: RegExp): boolean {
  const joined = words.join(' ');
  for (let at = form.indexOf(joined); at !== -1; at = form.indexOf(joined, at + 1)) {
    if (isBoundary(form, at - 1) && isBoundary(form, at + joined.length)) return true;
  }
  if (words.length < 2) return false;
  const sequence = pattern ?? formPattern([words]);
  sequence.lastIndex = 0;
  return sequence.test(form);
}

/**
 * Calls `visit(start, end)` for every occurrence of the word sequence in
 * `form` as whole words (words separated by spaces, not by a line break), in
 * order. Finds what `formPattern([words])` finds, without allocating per match.
 */
export function forEachOccurrence(
  form: string,
  words: readonly string[],
  visit: (start: number, end: number) => void,
): void {
  const [first, ...rest] = words;
  if (first === undefined) return;
  for (let at = form.indexOf(first); at !== -1; at = form.indexOf(first, at + 1)) {
    if (!isBoundary(form, at - 1)) continue;
    let end = at + first.length;
    for (const word of rest) {
      if (form.charCodeAt(end) !== SPACE) {
        end = -1;
        break;
      }
      while (form.charCodeAt(end) === SPACE) end++;
      end = form.startsWith(word, end) ? end + word.length : -1;
      if (end === -1) break;
    }
    if (end !== -1 && isBoundary(form, end)) visit(at, end);
  }
}

function isBoundary(form: string, at: number): boolean {
  const code = form.charCodeAt(at);
  return Number.isNaN(code) || code === SPACE || code === LINE;
}

/** Maps a range of a search form back to its text. */
export function toTextRange(form: SearchForm, start: number, end: number): [number, number] {
  return form.map ? [form.map[start] ?? 0, form.map[end] ?? 0] : [start, end];
}

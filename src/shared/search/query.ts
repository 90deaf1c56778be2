import { GlossError } from '../result';
import { fold } from '../text/fold';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../model/annotation';

/** What separates words, for the index and for queries alike: spaces, punctuation, symbols, controls. */
const SEPARATORS = '\\p{Z}\\p{P}\\p{S}\\p{Cc}';
const SEPARATOR_RUN = new RegExp(`[${SEPARATORS}]+`, 'u');
const SEPARATORS_ONLY = new RegExp(`^[${SEPARATORS}]+$`, 'u');

/** Splits already-folded text into words (no empty strings). */
export function tokenize(folded: string): string[] {
  return folded.split(SEPARATOR_RUN).filter((word) => word !== '');
}

/** True when `text` is made only of word separators (spaces, punctuation, symbols, controls). */
export function isSeparator(text: string): boolean {
  return SEPARATORS_ONLY.test(text);
}

/** Where a query looks: everywhere, only in highlights (quote, note, tags), or only in article text. */
export type SearchScope = 'all' | 'notes' | 'text';

/** A search box query, parsed and folded. */
export interface ParsedQuery {
  /** Folded words to find, in order; every one must match. */
  terms: string[];
  /** True when the last of `terms` is still being typed, so it also matches longer words. */
  prefixLast: boolean;
  /** Quoted phrases, each as its folded words in order; each must occur as written. */
  phrases: string[][];
  /** Folded tag names (`tag:`); a hit must carry every one, itself or through its article. */
  tags: string[];
  /** Highlight colours (`color:`); when any is given only highlights of one of them match. */
  colors: HighlightColor[];
  /** `in:notes` or `in:text`; 'all' without either. */
  scope: SearchScope;
}

const SCOPES = ['notes', 'text'] as const;

/**
 * Parses a search box query. Words match accent- and case-insensitively
 * (Vietnamese folding); `"quoted words"` match as a phrase; `tag:NAME`
 * (or `tag:"two words"`), `color:NAME` and `in:notes` / `in:text` filter.
 * Colour and scope names may be shortened to any unambiguous prefix. A filter
 * with nothing after the colon is ignored (it is being typed); an unclosed
 * quote runs to the end of the query.
 *
 * @throws GlossError('invalid-argument') for an unknown or ambiguous colour or
 *   scope, or for `in:` given twice with different values.
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = {
    terms: [],
    prefixLast: false,
    phrases: [],
    tags: [],
    colors: [],
    scope: 'all',
  };
  let scopeSet = false;
  let i = 0;
  while (i < input.length) {
    if (/\s/u.test(input[i] ?? '')) {
      i++;
      continue;
    }
    query.prefixLast = false;
    if (input[i] === '"') {
      const { value, next } = readQuoted(input, i);
      const words = tokenize(fold(value));
      if (words.length > 0) query.phrases.push(words);
      i = next;
      continue;
    }
    const filter = /^(tag|colou?r|in):/iu.exec(input.slice(i));
    if (filter?.[1]) {
      const valueStart = i + filter[0].length;
      const { value, next } =
        input[valueStart] === '"' ? readQuoted(input, valueStart) : readWord(input, valueStart);
      i = next;
      const name = filter[1].toLowerCase();
      const folded = tokenize(fold(value)).join(' ');
      if (folded === '') continue;
      if (name === 'tag') query.tags.push(folded);
      else if (name === 'in') {
        const scope = pickByPrefix(
          SCOPES,
          folded,
          'in:',
          'notes (your highlights and notes) or text (article text)',
        );
        if (scopeSet && query.scope !== scope) {
          throw new GlossError('invalid-argument', 'Use in:notes or in:text, not both.');
        }
        query.scope = scope;
        scopeSet = true;
      } else {
        const color = pickByPrefix(HIGHLIGHT_COLORS, folded, 'color:', HIGHLIGHT_COLORS.join(', '));
        if (!query.colors.includes(color)) query.colors.push(color);
      }
      continue;
    }
    const { value, next } = readWord(input, i);
    i = next;
    const words = tokenize(fold(value));
    query.terms.push(...words);
    query.prefixLast = words.length > 0 && i === input.length && !SEPARATOR_RUN.test(value.slice(-1));
  }
  return query;
}

/** True when the query asks for nothing: no words, phrases or filters. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.terms.length === 0 &&
    query.phrases.length === 0 &&
    query.tags.length === 0 &&
    query.colors.length === 0 &&
    query.scope === 'all'
  );
}

function readQuoted(input: string, openAt: number): { value: string; next: number } {
  const close = input.indexOf('"', openAt + 1);
  return close === -1
    ? { value: input.slice(openAt + 1), next: input.length }
    : { value: input.slice(openAt + 1, close), next: close + 1 };
}

function readWord(input: string, start: number): { value: string; next: number } {
  let end = start;
  while (end < input.length && !/\s/u.test(input[end] ?? '')) end++;
  return { value: input.slice(start, end), next: end };
}

function pickByPrefix<T extends string>(
  names: readonly T[],
  typed: string,
  filter: string,
  expected: string,
): T {
  const exact = names.find((name) => name === typed);
  if (exact) return exact;
  const candidates = names.filter((name) => name.startsWith(typed));
  if (candidates.length === 1 && candidates[0]) return candidates[0];
  const problem = candidates.length > 1 ? `is ambiguous (${candidates.join(', ')})` : 'is not known';
  throw new GlossError('invalid-argument', `${filter}${typed} ${problem}: use ${expected}.`);
}

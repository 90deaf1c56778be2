import type { ParsedQuery } from '../../../shared/search/query';
import { formPattern } from './search-form';

/** Shortest word that tolerates a typo (one edit), when it is not itself a word of the library. */
const FUZZY_MIN_LENGTH = 5;
/**
 * Documents the completions of a word being typed, or the corrections of a
 * misspelt one, may hold between them (see Vocabulary): every candidate in a
 * small library, the most common few in a big one.
 */
const EXPANSION_BUDGET = 3000;
/** How much a completed or corrected word counts against the word as typed. */
export const WEIGHT = { exact: 1, completion: 0.5, correction: 0.4 };

/** The words the library holds, as a plan asks about them (see Vocabulary). */
export interface Words {
  has(word: string): boolean;
  completions(prefix: string, budget: number): string[];
  neighbours(word: string, budget: number): string[];
}

/** One thing to find: any of its word sequences (a word and its completions or corrections, or a phrase). */
export interface Item {
  sequences: string[][];
  /** Every word MiniSearch is asked for, with the weight it counts for. */
  words: Map<string, number>;
  phrase: boolean;
}

/** A parsed query made ready to run: its items, and the patterns that find them in search forms. */
export interface Plan {
  query: ParsedQuery;
  items: Item[];
  /** Matches every sequence of every item (for a query of filters only, the tags). */
  pattern: RegExp;
  /**
   * What a snippet marks, item by item: the word or phrase as typed where the text holds it, else its
   * completions or corrections (so "son tra" marks "Sơn Trà", not "Trần" or "trao" beside it).
   */
  markPatterns: { typed: RegExp; expanded: RegExp | null }[];
  /** For each sequence, its words joined by one space: the items it stands for. */
  itemsOf: Map<string, number[]>;
  /** A pattern of its own for each sequence of several words (see containsWords). */
  phrasePatterns: Map<string, RegExp>;
}

/**
 * Readies a query: the words and phrases to find (the last word, while
 * typed, with its completions; a word of five letters or more the library
 * does not hold, with its corrections) and the patterns that find them in
 * search forms.
 */
export function planQuery(query: ParsedQuery, vocabulary: Words): Plan {
  const items = query.terms.map((term, i): Item => {
    const words = new Map([[term, WEIGHT.exact]]);
    if (query.prefixLast && i === query.terms.length - 1) {
      for (const word of vocabulary.completions(term, EXPANSION_BUDGET)) words.set(word, WEIGHT.completion);
    }
    if (words.size === 1 && term.length >= FUZZY_MIN_LENGTH && !vocabulary.has(term)) {
      for (const word of vocabulary.neighbours(term, EXPANSION_BUDGET)) words.set(word, WEIGHT.correction);
    }
    return { sequences: [...words.keys()].map((word) => [word]), words, phrase: false };
  });
  for (const phrase of query.phrases) {
    items.push({
      sequences: [phrase],
      words: new Map(phrase.map((word) => [word, WEIGHT.exact])),
      phrase: true,
    });
  }
  const itemsOf = new Map<string, number[]>();
  const phrasePatterns = new Map<string, RegExp>();
  items.forEach((item, index) => {
    for (const words of item.sequences) {
      const key = words.join(' ');
      itemsOf.set(key, [...(itemsOf.get(key) ?? []), index]);
      if (words.length > 1) phrasePatterns.set(key, formPattern([words]));
    }
  });
  const sequences =
    items.length > 0 ? items.flatMap((item) => item.sequences) : query.tags.map((t) => t.split(' '));
  const markPatterns =
    items.length > 0
      ? items.map((item) => ({
          typed: formPattern(item.sequences.slice(0, 1)),
          expanded: item.sequences.length > 1 ? formPattern(item.sequences.slice(1)) : null,
        }))
      : [{ typed: formPattern(sequences), expanded: null }];
  return { query, items, pattern: formPattern(sequences), markPatterns, itemsOf, phrasePatterns };
}

/** Each word MiniSearch is asked for, with the highest weight any item gives it. */
export function wordWeights(items: Item[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const item of items) {
    for (const [word, weight] of item.words) weights.set(word, Math.max(weights.get(word) ?? 0, weight));
  }
  return weights;
}

/**
 * What an article must hold to match: any word of each word item, every
 * word of each phrase. Each need has a number; `needs` gives, for each word,
 * the needs it meets, and `count` how many there are.
 */
export function needsOf(items: Item[]): { needs: Map<string, number[]>; count: number } {
  const needs = new Map<string, number[]>();
  let count = 0;
  const need = (word: string, index: number) => needs.set(word, [...(needs.get(word) ?? []), index]);
  for (const item of items) {
    if (item.phrase) for (const word of item.words.keys()) need(word, count++);
    else {
      for (const word of item.words.keys()) need(word, count);
      count++;
    }
  }
  return { needs, count };
}

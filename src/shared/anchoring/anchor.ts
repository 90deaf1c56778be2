import approxSearch from 'approx-string-match';
import type { AnnotationTarget, TextQuoteSelector } from '../model/annotation';
import { contextHolds, contextSimilarity } from './context';
import { GramIndex, MIN_INDEXED_PATTERN } from './gram-index';

/**
 * Where a stored target lands on new text, end exclusive, in UTF-16 units of that text, and how it was
 * found: at its stored position, by an exact quote search, or by a fuzzy (approximate) quote search.
 */
export type Placement = { start: number; end: number; method: 'position' | 'quote' | 'fuzzy' };

/**
 * Confidence (0–1) a candidate needs to be placed; below it the highlight is an orphan. Confidence is
 * the share of the stored characters (prefix, quote and suffix, each weighted by its length) found
 * again: a short quote therefore needs one side of its context intact, a long one stands on its own.
 */
const MIN_CONFIDENCE = 0.6;

/** Rank bonus of a candidate at an expected position; it falls linearly to 0 at POSITION_REACH. */
const POSITION_WEIGHT = 0.25;
/** Distance (characters) from the nearest expected position beyond which position no longer counts. */
export const POSITION_REACH = 4096;
/** Most exact candidates scored per step, nearest to an expected position first. */
const MAX_SCORED = 128;
/** Most regions verified with a fuzzy match of the whole quote per step, best supported first. */
const MAX_VERIFIED = 3;
/** Length of the quote pieces (and context keys) looked up exactly to find where a quote may be. */
const KEY = 16;
/** Most pieces a quote is looked up by. */
const MAX_PIECES = 5;
/** A piece found more often than this anywhere in the text is too common to tell where a quote went. */
const MAX_PIECE_HITS = 100;
/** Quotes up to this length are fuzzy-matched whole near the expected positions; longer ones by pieces. */
const WHOLE = 64;

/** Stands in for the first character of exact occurrences hidden from a fuzzy search. */
const MASK = '\u0000';

/** Errors (insertions, deletions, substitutions) a fuzzy match of a quote of `length` may have. */
function maxErrors(length: number): number {
  return Math.min(256, Math.floor(length / 4));
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  confidence: number;
  rank: number;
  distance: number;
}

/** Every start of `pattern` in `text` with the whole match inside [lo, hi). */
function occurrences(text: string, pattern: string, lo = 0, hi = text.length): number[] {
  const slice = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const found: number[] = [];
  for (let i = slice.indexOf(pattern); i !== -1; i = slice.indexOf(pattern, i + 1)) found.push(lo + i);
  return found;
}

/** The index of the last text searched as a whole, kept for the next quote on the same text. */
let lastIndex: GramIndex | null = null;

/** Every start of `pattern` anywhere in `text`, through a GramIndex when the pattern is long enough. */
function everywhere(text: string, pattern: string): number[] {
  if (pattern.length < MIN_INDEXED_PATTERN) return occurrences(text, pattern);
  if (lastIndex?.text !== text) lastIndex = new GramIndex(text);
  return lastIndex.find(pattern);
}

/** The candidates found so far for one quote on one text, and the steps that search for more. */
class Anchoring {
  best: Candidate | null = null;
  private readonly length: number;
  private readonly weight: number;
  private readonly errors: number;

  constructor(
    private readonly quote: TextQuoteSelector,
    private readonly text: string,
    private readonly expected: number[],
  ) {
    this.length = quote.exact.length;
    this.weight = quote.prefix.length + this.length + quote.suffix.length;
    this.errors = maxErrors(this.length);
  }

  /** Highest confidence a candidate with at least one error in its quote can reach. */
  private get fuzzyCeiling(): number {
    return 1 - 1 / this.weight;
  }

  /**
   * How far from the expected positions a fuzzy candidate could still beat the best one: 0 when none
   * could (or the quote is too short to have errors), Infinity when one anywhere could.
   */
  fuzzyReach(): number {
    if (this.errors === 0) return 0;
    if (!this.best) return Infinity;
    const margin = this.best.rank - this.fuzzyCeiling;
    if (margin <= 0) return Infinity;
    return Math.ceil(POSITION_REACH * Math.max(0, 1 - margin / POSITION_WEIGHT));
  }

  private distance(start: number): number {
    let d = Infinity;
    for (const h of this.expected) d = Math.min(d, Math.abs(start - h));
    return d;
  }

  private bonus(distance: number): number {
    return POSITION_WEIGHT * Math.max(0, 1 - distance / POSITION_REACH);
  }

  /** Scores [start, end) as a match of the quote with `errors` errors, and keeps it if it is the best. */
  private consider(start: number, end: number, errors: number): void {
    const { prefix, suffix } = this.quote;
    const distance = this.distance(start);
    const bonus = this.bonus(distance);
    const ceiling = (this.weight - errors) / this.weight;
    if (ceiling < MIN_CONFIDENCE || (this.best && ceiling + bonus < this.best.rank)) return;
    const found =
      this.length -
      errors +
      prefix.length * contextSimilarity(prefix, this.text, start, 'before') +
      suffix.length * contextSimilarity(suffix, this.text, end, 'after');
    const confidence = found / this.weight;
    const rank = confidence + bonus;
    if (confidence < MIN_CONFIDENCE) return;
    if (!this.best || rank > this.best.rank || (rank === this.best.rank && distance < this.best.distance)) {
      this.best = { start, end, errors, confidence, rank, distance };
    }
  }

  /** Windows [lo, hi) reaching `radius` characters either side of every expected position. */
  private windows(radius: number): [number, number][] {
    const spans = this.expected
      .map((h): [number, number] => [
        Math.max(0, h - radius),
        Math.min(this.text.length, h + this.length + radius),
      ])
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span);
    }
    return merged;
  }

  /** Starts sorted by distance to the nearest expected position, the nearest MAX_SCORED only. */
  private nearest(starts: number[]): number[] {
    return starts
      .map((s) => ({ s, d: this.distance(s) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, MAX_SCORED)
      .map((x) => x.s);
  }

  /** Scores exact occurrences nearest first, stopping once none of the rest could win. */
  private scoreExact(starts: number[]): void {
    for (const s of this.nearest(starts)) {
      if (this.best && this.best.rank >= 1 + this.bonus(this.distance(s))) return;
      this.consider(s, s + this.length, 0);
    }
  }

  /**
   * Fuzzy-matches the whole quote inside [lo, hi) and scores the best matches. The search reports only
   * the matches with the fewest errors, so exact occurrences (already scored) are masked first: they
   * would hide an edited copy of the quote in the same window.
   */
  private verify(lo: number, hi: number): void {
    const { exact } = this.quote;
    const window = this.text.slice(lo, hi).replaceAll(exact, MASK + exact.slice(1));
    for (const m of approxSearch(window, exact, this.errors))
      this.consider(lo + m.start, lo + m.end, m.errors);
  }

  /**
   * Up to MAX_PIECES pieces of KEY characters spread evenly over the quote, each with its offset in it.
   * A fuzzy match that keeps one of them intact is found by looking the pieces up exactly.
   */
  private pieces(): { piece: string; offset: number }[] {
    const count = Math.min(MAX_PIECES, Math.max(2, Math.floor(this.length / KEY)));
    return Array.from({ length: count }, (_, i) => {
      const offset = Math.round((i * (this.length - KEY)) / (count - 1));
      return { piece: this.quote.exact.slice(offset, offset + KEY), offset };
    });
  }

  /**
   * Verifies the quote where `find` finds its pieces (farther than `beyond` from every expected
   * position): occurrences that agree on where the quote starts form a region; regions found by at least
   * `quorum` pieces are verified, those found by the most pieces, then nearest, first, until none of the
   * rest could win.
   */
  private verifyPieces(find: (piece: string) => number[], beyond: number, quorum: number): void {
    const k = this.errors;
    const estimates = this.pieces()
      .flatMap(({ piece, offset }, index) => find(piece).map((s) => ({ start: s - offset, index })))
      .filter(({ start }) => this.distance(start) > beyond)
      .sort((a, b) => a.start - b.start);
    const regions: { start: number; votes: Set<number> }[] = [];
    for (const { start, index } of estimates) {
      const last = regions.at(-1);
      if (last && start - last.start <= k) last.votes.add(index);
      else regions.push({ start, votes: new Set([index]) });
    }
    const ranked = regions
      .map(({ start, votes }) => ({ start, votes: votes.size, distance: this.distance(start) }))
      .filter(({ votes }) => votes >= quorum)
      .sort((a, b) => b.votes - a.votes || a.distance - b.distance)
      .slice(0, MAX_VERIFIED);
    for (const { start, distance } of ranked) {
      if (this.best && this.best.rank >= this.fuzzyCeiling + this.bonus(distance)) continue;
      this.verify(Math.max(0, start - k), Math.min(this.text.length, start + this.length + 2 * k));
    }
  }

  /** Exact occurrences of the quote near the expected positions. */
  nearExact(): void {
    const found = this.windows(POSITION_REACH).flatMap(([lo, hi]) =>
      occurrences(this.text, this.quote.exact, lo, hi),
    );
    this.scoreExact(found);
  }

  /**
   * Approximate matches within `radius` of the expected positions: quotes up to WHOLE characters
   * whole, longer ones by their pieces.
   */
  nearFuzzy(radius: number): void {
    for (const [lo, hi] of this.windows(radius)) {
      if (this.length > WHOLE) this.verifyPieces((piece) => occurrences(this.text, piece, lo, hi), -1, 1);
      else this.verify(lo, hi);
    }
  }

  /**
   * Exact occurrences anywhere beyond the near windows. Quotes shorter than KEY are looked for together
   * with KEY characters of their prefix or suffix, which keeps very short quotes from matching everywhere.
   */
  globalExact(): void {
    const { exact, prefix, suffix } = this.quote;
    const before = prefix.slice(-KEY);
    const after = suffix.slice(0, KEY);
    const starts =
      this.length >= KEY
        ? everywhere(this.text, exact)
        : [
            ...(before ? everywhere(this.text, before + exact).map((s) => s + before.length) : []),
            ...(after ? everywhere(this.text, exact + after) : []),
          ];
    this.scoreExact(starts.filter((s) => this.distance(s) > POSITION_REACH));
  }

  /**
   * Approximate matches anywhere beyond POSITION_REACH, for quotes of at least KEY characters that keep
   * at least half of their pieces intact (pieces found more than MAX_PIECE_HITS times do not count).
   */
  globalFuzzy(): void {
    if (this.length < KEY) return;
    const quorum = Math.ceil(this.pieces().length / 2);
    this.verifyPieces(
      (piece) => {
        const hits = everywhere(this.text, piece);
        return hits.length > MAX_PIECE_HITS ? [] : hits;
      },
      POSITION_REACH,
      quorum,
    );
  }
}

/**
 * Places a stored target on `text` (canonical: NFC, LF), or returns null when it cannot be placed
 * confidently (an orphan).
 *
 * Order: the stored position (or an `expected` one) when it still holds the exact quote with its exact
 * prefix and suffix; otherwise candidates are gathered — exact occurrences of the quote, then fuzzy
 * matches with up to `maxErrors(quote length)` errors — near the expected positions first, and in the
 * whole text only while a better candidate could still be found there. Each candidate is scored on
 * quote, prefix and suffix together (its confidence), plus a bonus for lying within POSITION_REACH
 * characters of an expected position; the best one wins if its confidence reaches MIN_CONFIDENCE.
 *
 * @param expected further positions where the quote is likely to start now (e.g. its stored start
 *   shifted as much as its neighbours moved); the stored start is always tried first.
 */
export function anchor(target: AnnotationTarget, text: string, expected: number[] = []): Placement | null {
  const { quote, position } = target;
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return null;
  const hints = [...new Set([position.start, ...expected].map((h) => Math.max(0, Math.min(text.length, h))))];
  const methodAt = (start: number, end: number): Placement['method'] =>
    start === position.start && end === position.end ? 'position' : 'quote';

  for (const h of hints) {
    const end = h + exact.length;
    if (
      text.startsWith(exact, h) &&
      contextHolds(prefix, text, h, 'before') &&
      contextHolds(suffix, text, end, 'after')
    ) {
      return { start: h, end, method: methodAt(h, end) };
    }
  }

  const anchoring = new Anchoring(quote, text, hints);
  anchoring.nearExact();
  const reach = anchoring.fuzzyReach();
  if (reach > 0) anchoring.nearFuzzy(Math.min(reach, POSITION_REACH));
  if (!anchoring.best || anchoring.best.rank < 1) anchoring.globalExact();
  if (anchoring.fuzzyReach() === Infinity) anchoring.globalFuzzy();

  const best = anchoring.best;
  if (!best) return null;
  return {
    start: best.start,
    end: best.end,
    method: best.errors > 0 ? 'fuzzy' : methodAt(best.start, best.end),
  };
}

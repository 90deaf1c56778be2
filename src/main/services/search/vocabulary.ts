/**
 * Every word in the index with the number of documents holding it, so a
 * word being typed can be completed, and a misspelt one corrected, to as
 * many of its candidates, most common first, as a budget of documents
 * allows (searching for a word costs a visit to each document holding it).
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private sorted: string[] | undefined;

  /** Rebuilds a vocabulary saved with `toJSON`. */
  static fromJSON(saved: { words: string[]; counts: number[] }): Vocabulary {
    const vocabulary = new Vocabulary();
    saved.words.forEach((word, i) => vocabulary.counts.set(word, saved.counts[i] ?? 0));
    return vocabulary;
  }

  /** Counts the distinct words of a document being indexed. */
  add(words: Iterable<string>): void {
    for (const word of words) {
      const count = this.counts.get(word) ?? 0;
      if (count === 0) this.sorted = undefined;
      this.counts.set(word, count + 1);
    }
  }

  /** Uncounts the distinct words of a document leaving the index. */
  remove(words: Iterable<string>): void {
    for (const word of words) {
      const count = (this.counts.get(word) ?? 0) - 1;
      if (count > 0) this.counts.set(word, count);
      else {
        this.counts.delete(word);
        this.sorted = undefined;
      }
    }
  }

  /** Adds `delta` (may be negative) to the documents counted for `word`, as a saved change says. */
  adjust(word: string, delta: number): void {
    if (delta > 0) this.add(Array.from({ length: delta }, () => word));
    else if (delta < 0) this.remove(Array.from({ length: -delta }, () => word));
  }

  /** True when some document holds `word`. */
  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** Longer words starting with `prefix`, most common first, as many as `budget` documents allow (at least one). */
  completions(prefix: string, budget: number): string[] {
    this.sorted ??= [...this.counts.keys()].sort();
    const words = this.sorted;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((words[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && (words[i] as string).startsWith(prefix); i++) {
      if (words[i] !== prefix) found.push(words[i] as string);
    }
    return this.mostCommon(found, budget);
  }

  /**
   * Words one edit (insertion, deletion, substitution or swap) away from
   * `word`, most common first, as many as `budget` documents allow (at least one).
   */
  neighbours(word: string, budget: number): string[] {
    const found: string[] = [];
    for (const candidate of this.counts.keys()) {
      if (Math.abs(candidate.length - word.length) <= 1 && oneEditApart(word, candidate))
        found.push(candidate);
    }
    return this.mostCommon(found, budget);
  }

  /** The vocabulary as plain arrays, for saving. */
  toJSON(): { words: string[]; counts: number[] } {
    return { words: [...this.counts.keys()], counts: [...this.counts.values()] };
  }

  private mostCommon(words: string[], budget: number): string[] {
    words.sort((a, b) => (this.counts.get(b) ?? 0) - (this.counts.get(a) ?? 0));
    let spent = 0;
    const chosen: string[] = [];
    for (const word of words) {
      spent += this.counts.get(word) ?? 0;
      if (spent > budget && chosen.length > 0) break;
      chosen.push(word);
    }
    return chosen;
  }
}

/** True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA + restB === 1) return true;
  if (restA === 1 && restB === 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/** Length of the indexed grams, which are also the step between them. */
const GRAM = 8;
const BASE = 0x01000193;

/** Shortest pattern a GramIndex can find: any occurrence of it contains one whole indexed gram. */
export const MIN_INDEXED_PATTERN = 2 * GRAM - 1;

function gramHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + GRAM; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * A sparse index of a text for finding patterns anywhere in it without scanning it: the grams of GRAM
 * characters at offsets 0, GRAM, 2·GRAM… are grouped by hash. An occurrence of a pattern of at least
 * MIN_INDEXED_PATTERN characters contains one of those grams at one of GRAM offsets, so a lookup
 * checks the few positions sharing those grams' hashes. Building costs one pass over the text and
 * about half a byte per character.
 */
export class GramIndex {
  private readonly shift: number;
  private readonly bucketStarts: Int32Array;
  private readonly grams: Int32Array;

  constructor(readonly text: string) {
    const count = Math.floor(text.length / GRAM);
    const bits = Math.min(16, Math.max(4, Math.ceil(Math.log2(count + 1)) - 3));
    this.shift = 32 - bits;
    const buckets = new Int32Array(count);
    this.bucketStarts = new Int32Array((1 << bits) + 1);
    for (let g = 0; g < count; g++) {
      buckets[g] = gramHash(text, g * GRAM) >>> this.shift;
      this.bucketStarts[buckets[g]! + 1]!++;
    }
    for (let b = 1; b < this.bucketStarts.length; b++) this.bucketStarts[b]! += this.bucketStarts[b - 1]!;
    const cursors = this.bucketStarts.slice(0, -1);
    this.grams = new Int32Array(count);
    for (let g = 0; g < count; g++) this.grams[cursors[buckets[g]!]!++] = g * GRAM;
  }

  private bucketSize(bucket: number): number {
    return this.bucketStarts[bucket + 1]! - this.bucketStarts[bucket]!;
  }

  /**
   * Every start of `pattern` in the text, ascending. Each occurrence contains whole indexed grams at one
   * of GRAM offsets into the pattern; for each offset the gram with the fewest indexed positions is
   * checked.
   *
   * @throws RangeError when the pattern is shorter than MIN_INDEXED_PATTERN characters.
   */
  find(pattern: string): number[] {
    if (pattern.length < MIN_INDEXED_PATTERN) {
      throw new RangeError(`A ${pattern.length}-character pattern is shorter than ${MIN_INDEXED_PATTERN}.`);
    }
    const found: number[] = [];
    for (let offset = 0; offset < GRAM; offset++) {
      let at = offset;
      let bucket = gramHash(pattern, at) >>> this.shift;
      for (let next = offset + GRAM; next + GRAM <= pattern.length; next += GRAM) {
        const other = gramHash(pattern, next) >>> this.shift;
        if (this.bucketSize(other) < this.bucketSize(bucket)) [at, bucket] = [next, other];
      }
      for (let i = this.bucketStarts[bucket]!; i < this.bucketStarts[bucket + 1]!; i++) {
        const start = this.grams[i]! - at;
        if (start >= 0 && this.text.startsWith(pattern, start)) found.push(start);
      }
    }
    return found.sort((a, b) => a - b);
  }
}

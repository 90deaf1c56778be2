import type MiniSearch from 'minisearch';
import { articleIdOf, type IndexDoc } from './documents';

/**
 * The parts of MiniSearch 7 a scorer reads: its term index and document
 * statistics, declared `protected` (the extension surface of its
 * subclasses). postings.test.ts holds the scores to MiniSearch's own.
 */
export interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** No article: a short id never given, or of a discarded document. */
export const NONE = -1;

/**
 * MiniSearch's documents by short id, in flat arrays: each one's article (a
 * slot number, see `articleId`) and its field lengths. Reading these for
 * every posting of a common word from MiniSearch's maps was most of a
 * query's time. Brought up to date by `sync` before each use: documents
 * added since are appended; after any discard (or with another MiniSearch)
 * it is built again from MiniSearch's maps.
 */
export class DocTable {
  /** By short id: the slot of the document's article, or NONE. */
  owner = new Int32Array(0);
  /** By short id times the number of fields, plus the field's id: the field's length in words. */
  lengths = new Uint32Array(0);
  /** How many fields each document has lengths for. */
  fieldCount = 0;
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private mini: Internals | undefined;
  private nextId = 0;
  private documentCount = 0;

  /** The article id of a slot. */
  articleId(slot: number): string {
    return this.ids[slot] as string;
  }

  /** How many article slots there are (slots of articles removed since the last rebuild stay, holding no document). */
  get slotCount(): number {
    return this.ids.length;
  }

  /**
   * Makes the table describe `mini` as it is now. Cheap when nothing changed;
   * proportional to the documents added when only adds happened; otherwise
   * proportional to all the documents.
   */
  sync(mini: MiniSearch<IndexDoc>): void {
    const internals = mini as unknown as Internals;
    const added = internals._nextId - this.nextId;
    const onlyAdded =
      this.mini === internals && added >= 0 && internals._documentCount - this.documentCount === added;
    if (onlyAdded && added === 0) return;
    const from = onlyAdded ? this.nextId : 0;
    this.fieldCount = Object.keys(internals._fieldIds).length;
    this.reserve(internals._nextId, onlyAdded);
    if (!onlyAdded) {
      this.owner.fill(NONE);
      this.slots.clear();
      this.ids.length = 0;
    }
    for (let short = from; short < internals._nextId; short++) {
      const id = internals._documentIds.get(short);
      if (id === undefined) continue;
      this.owner[short] = this.slotOf(articleIdOf(id));
      const lengths = internals._fieldLength.get(short) ?? [];
      for (let field = 0; field < this.fieldCount; field++) {
        this.lengths[short * this.fieldCount + field] = lengths[field] ?? 0;
      }
    }
    this.mini = internals;
    this.nextId = internals._nextId;
    this.documentCount = internals._documentCount;
  }

  private slotOf(articleId: string): number {
    let slot = this.slots.get(articleId);
    if (slot === undefined) {
      slot = this.ids.push(articleId) - 1;
      this.slots.set(articleId, slot);
    }
    return slot;
  }

  /** Room for `size` short ids, doubling as needed; what is there is kept when `keep`. */
  private reserve(size: number, keep: boolean): void {
    if (size <= this.owner.length) return;
    const capacity = Math.max(size, 2 * this.owner.length, 1024);
    const owner = new Int32Array(capacity).fill(NONE);
    const lengths = new Uint32Array(capacity * this.fieldCount);
    if (keep) {
      owner.set(this.owner);
      lengths.set(this.lengths);
    }
    this.owner = owner;
    this.lengths = lengths;
  }
}

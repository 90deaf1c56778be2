import type MiniSearch from 'minisearch';
import type { Field, IndexDoc } from './documents';
import { NONE, type DocTable, type Internals } from './doc-table';

/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The documents holding some of the terms: their short ids in the order first met, and their scores by short id. */
export interface DocScores {
  /** Short ids (see DocTable) of the documents holding a term, in the order they were first met. */
  docs: number[];
  /** By short id: the document's final score (0 for a document holding none of the terms). */
  score: Float64Array;
}

/**
 * Scores the documents holding any of `terms` in `fields` exactly as
 * `mini.search({ combineWith: 'OR', queries: terms }, { fields, boost, boostTerm })`
 * scores them once discarded documents are vacuumed (BM25+ per field, times the field's boost and the term's, summed,
 * then times the number of terms the document holds), without building a
 * result object, a match table and a sorted array per document, and reading
 * each document's article and field lengths from `table` (synced here to
 * `mini`) rather than from MiniSearch's maps: a common word in 100,000
 * highlight documents made that most of a query's time.
 * `visit(short, term)` is called for each term (an index into `terms`) a
 * document holds, in the order of `terms`.
 */
export function scoreTerms(
  mini: MiniSearch<IndexDoc>,
  table: DocTable,
  terms: readonly string[],
  fields: readonly Field[],
  boost: (field: Field) => number,
  termBoost: (term: string) => number,
  visit: (short: number, term: number) => void,
): DocScores {
  const index = mini as unknown as Internals;
  table.sync(mini);
  const { owner, lengths, fieldCount } = table;
  const score = new Float64Array(owner.length);
  const held = new Uint16Array(owner.length);
  const last = new Int32Array(owner.length);
  const docs: number[] = [];
  terms.forEach((term, t) => {
    const data = index._index.get(term);
    if (!data) return;
    const weight = termBoost(term);
    for (const field of fields) {
      const fieldId = index._fieldIds[field];
      const postings = fieldId === undefined ? undefined : data.get(fieldId);
      if (!postings || fieldId === undefined) continue;
      const fieldWeight = weight * boost(field);
      const avgLength = index._avgFieldLength[fieldId] as number;
      const matching = mini.dirtCount === 0 ? postings.size : livePostings(owner, postings);
      const idf = Math.log(1 + (index._documentCount - matching + 0.5) / (matching + 0.5));
      for (const [short, frequency] of postings) {
        // A discarded document's postings stay until MiniSearch vacuums them.
        if (owner[short] === NONE) continue;
        const length = lengths[short * fieldCount + fieldId] as number;
        const tf =
          (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength));
        if (held[short] === 0) docs.push(short);
        score[short] = (score[short] as number) + fieldWeight * idf * (BM25.d + tf);
        if (last[short] !== t + 1) {
          last[short] = t + 1;
          held[short] = (held[short] as number) + 1;
          visit(short, t);
        }
      }
    }
  });
  for (const short of docs) score[short] = (score[short] as number) * (held[short] as number);
  return { docs, score };
}

/** How many of `postings` are of documents not discarded. */
function livePostings(owner: Int32Array, postings: Map<number, number>): number {
  let live = 0;
  for (const short of postings.keys()) if (owner[short] !== NONE) live++;
  return live;
}

import type MiniSearch from 'minisearch';
import type { Field, IndexDoc } from './documents';

/**
 * The parts of MiniSearch 7 a scorer reads: its term index and field
 * statistics, declared `protected` (the extension surface of its
 * subclasses). postings.test.ts holds the scores to MiniSearch's own.
 */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentCount: number;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** One document holding some of the terms: its score so far and how many of the terms it holds. */
export interface DocScore<T> {
  /** The document's id (`b:…` or `n:…`, see documents.ts). */
  id: string;
  score: number;
  terms: number;
  /** The last term counted in `terms`. */
  last: string;
  /** What the caller attaches to the document (in `visit`). */
  owner?: T;
}

/**
 * Scores the documents holding any of `terms` in `fields` exactly as
 * `mini.search({ combineWith: 'OR', queries: terms }, { fields, boost, boostTerm })`
 * scores them once discarded documents are vacuumed (BM25+ per field, times the field's boost and the term's, summed,
 * then times the number of terms the document holds), without building a
 * result object, a match table and a sorted array per document: a common
 * word in 100,000 highlight documents made that most of a query's time.
 * `visit(doc, term)` is called for each term a document holds, in the
 * order of `terms`; the returned map (by MiniSearch's short id) holds the
 * final scores.
 */
export function scoreTerms<T>(
  mini: MiniSearch<IndexDoc>,
  terms: readonly string[],
  fields: readonly Field[],
  boost: (field: Field) => number,
  termBoost: (term: string) => number,
  visit: (doc: DocScore<T>, term: string) => void,
): Map<number, DocScore<T>> {
  const index = mini as unknown as Internals;
  const docs = new Map<number, DocScore<T>>();
  for (const term of terms) {
    const data = index._index.get(term);
    if (!data) continue;
    const weight = termBoost(term);
    for (const field of fields) {
      const fieldId = index._fieldIds[field];
      const postings = fieldId === undefined ? undefined : data.get(fieldId);
      if (!postings || fieldId === undefined) continue;
      const fieldWeight = weight * boost(field);
      const avgLength = index._avgFieldLength[fieldId] as number;
      const matching = mini.dirtCount === 0 ? postings.size : livePostings(index, postings);
      const idf = Math.log(1 + (index._documentCount - matching + 0.5) / (matching + 0.5));
      for (const [shortId, frequency] of postings) {
        const id = index._documentIds.get(shortId);
        // A discarded document's postings stay until MiniSearch vacuums them.
        if (id === undefined) continue;
        const length = (index._fieldLength.get(shortId) as number[])[fieldId] as number;
        const tf =
          (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength));
        let doc = docs.get(shortId);
        if (!doc) docs.set(shortId, (doc = { id, score: 0, terms: 0, last: '' }));
        doc.score += fieldWeight * idf * (BM25.d + tf);
        if (doc.last !== term) {
          doc.last = term;
          doc.terms++;
          visit(doc, term);
        }
      }
    }
  }
  for (const doc of docs.values()) doc.score *= doc.terms || 1;
  return docs;
}

/** How many of `postings` are of documents not discarded. */
function livePostings(index: Internals, postings: Map<number, number>): number {
  let live = 0;
  for (const shortId of postings.keys()) if (index._documentIds.has(shortId)) live++;
  return live;
}

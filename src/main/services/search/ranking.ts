import type MiniSearch from 'minisearch';
import type { ParsedQuery } from '../../../shared/search/query';
import type { DocTable } from './doc-table';
import { BOOST, SCOPE_FIELDS, type IndexDoc } from './documents';
import { metaForms, notesFormOf, type ArticleEntry } from './entry';
import { eligible, type TagKey } from './highlight-index';
import { scoreTerms } from './postings';
import { needsOf, wordWeights, type Plan } from './query-plan';
import { containsWords } from './search-form';

/** What ranking reads of the index. */
export interface RankedIndex {
  mini: MiniSearch<IndexDoc>;
  /** MiniSearch's documents by short id (synced by ranking). */
  docs: DocTable;
  article(id: string): ArticleEntry | undefined;
  tagKey: TagKey;
  /** The article's search form (it may be read from disk). */
  formOf(entry: ArticleEntry): string;
}

/** Articles holding every item of `plan` where the query allows, best first (MiniSearch's score of their documents, summed). */
export function rank(index: RankedIndex, plan: Plan): ArticleEntry[] {
  const { query, items } = plan;
  const weights = wordWeights(items);
  const terms = [...weights.keys()];
  const fields = SCOPE_FIELDS[query.colors.length > 0 ? 'notes' : query.scope];
  const { needs, count } = needsOf(items);
  const needsByTerm = terms.map((term) => needs.get(term) ?? []);
  const table = index.docs;
  table.sync(index.mini);
  // By article slot (see DocTable): how many needs are still unmet (-1: not met yet), which are met.
  const left = new Int32Array(table.slotCount).fill(-1);
  const met = new Uint8Array(table.slotCount * count);
  const found: number[] = [];
  const { docs, score } = scoreTerms(
    index.mini,
    table,
    terms,
    fields,
    (field) => BOOST[field] ?? 1,
    (term) => weights.get(term) ?? 1,
    (short, term) => {
      const slot = table.owner[short] as number;
      if (left[slot] === -1) {
        left[slot] = count;
        found.push(slot);
      }
      for (const need of needsByTerm[term] as number[]) {
        if (met[slot * count + need] === 0) {
          met[slot * count + need] = 1;
          left[slot] = (left[slot] as number) - 1;
        }
      }
    },
  );
  const articleScore = new Float64Array(table.slotCount);
  for (const short of docs) {
    const slot = table.owner[short] as number;
    articleScore[slot] = (articleScore[slot] as number) + (score[short] as number);
  }
  const ranked: { entry: ArticleEntry; score: number }[] = [];
  for (const slot of found) {
    const entry = left[slot] === 0 ? index.article(table.articleId(slot)) : undefined;
    if (entry && holds(index, entry, plan)) ranked.push({ entry, score: articleScore[slot] as number });
  }
  return ranked.sort((a, b) => b.score - a.score).map(({ entry }) => entry);
}

/**
 * Whether an article that MiniSearch found holding every item holds each
 * in a part the query allows, phrases as phrases. Needs no reading when
 * MiniSearch searched exactly the allowed parts and there are no phrases.
 */
export function holds(index: RankedIndex, entry: ArticleEntry, plan: Plan): boolean {
  const { query } = plan;
  const allowed = eligible(entry, query, index.tagKey);
  const searchedExactly =
    query.colors.length === 0 &&
    (query.scope === 'all' ? allowed.meta : query.scope === 'text' && allowed.text);
  if (searchedExactly && query.phrases.length === 0) return true;
  const direct = [...(allowed.meta ? metaForms(entry) : []), ...(allowed.text ? [index.formOf(entry)] : [])];
  let highlights: string[] | undefined;
  /** The allowed highlights' forms, built only when the title, author, tags and text do not hold an item. */
  const highlightForms = () => {
    if (highlights) return highlights;
    highlights = [];
    if (query.scope === 'text') return highlights;
    const notes = notesFormOf(entry, () => index.formOf(entry));
    if (allowed.allHighlights) highlights.push(notes.form);
    else {
      for (const i of allowed.highlights()) {
        highlights.push(notes.form.slice(notes.bounds[4 * i], notes.bounds[4 * i + 3]));
      }
    }
    return highlights;
  };
  return plan.items.every((item) =>
    item.sequences.some((words) => {
      const pattern = plan.phrasePatterns.get(words.join(' '));
      const holding = (form: string) => containsWords(form, words, pattern);
      return direct.some(holding) || highlightForms().some(holding);
    }),
  );
}

/** What filters alone select, from `byTitle` (articles by title): articles with the tags, highlights of the colours and tags. */
export function listing(byTitle: ArticleEntry[], query: ParsedQuery, tagKey: TagKey): ArticleEntry[] {
  return byTitle.filter((entry) => {
    const allowed = eligible(entry, query, tagKey);
    return (allowed.meta && query.tags.length > 0) || allowed.listed().length > 0;
  });
}

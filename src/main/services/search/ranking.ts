import type MiniSearch from 'minisearch';
import type { ParsedQuery } from '../../../shared/search/query';
import { articleIdOf, BOOST, SCOPE_FIELDS, type IndexDoc } from './documents';
import { metaForms, notesFormOf, type ArticleEntry } from './entry';
import { eligible, type TagKey } from './highlight-index';
import { scoreTerms } from './postings';
import { needsOf, wordWeights, type Plan } from './query-plan';
import { containsWords } from './search-form';

/** What ranking reads of the index. */
export interface RankedIndex {
  mini: MiniSearch<IndexDoc>;
  article(id: string): ArticleEntry | undefined;
  tagKey: TagKey;
  /** The article's search form (it may be read from disk). */
  formOf(entry: ArticleEntry): string;
}

/** An article some document of which holds a term: its summed score, and which needs it meets. */
interface Found {
  score: number;
  met: Uint8Array;
  left: number;
}

/** Articles holding every item of `plan` where the query allows, best first (MiniSearch's score of their documents, summed). */
export function rank(index: RankedIndex, plan: Plan): ArticleEntry[] {
  const { query, items } = plan;
  const weights = wordWeights(items);
  const fields = SCOPE_FIELDS[query.colors.length > 0 ? 'notes' : query.scope];
  const { needs, count } = needsOf(items);
  const found = new Map<string, Found>();
  const docs = scoreTerms<Found>(
    index.mini,
    [...weights.keys()],
    fields,
    (field) => BOOST[field] ?? 1,
    (term) => weights.get(term) ?? 1,
    (doc, term) => {
      let article = doc.owner;
      if (!article) {
        const articleId = articleIdOf(doc.id);
        article = found.get(articleId);
        if (!article) found.set(articleId, (article = { score: 0, met: new Uint8Array(count), left: count }));
        doc.owner = article;
      }
      for (const need of needs.get(term) ?? []) {
        if (article.met[need] === 0) {
          article.met[need] = 1;
          article.left--;
        }
      }
    },
  );
  for (const doc of docs.values()) if (doc.owner) doc.owner.score += doc.score;
  const ranked: { entry: ArticleEntry; score: number }[] = [];
  for (const [articleId, { score, left }] of found) {
    const entry = left === 0 ? index.article(articleId) : undefined;
    if (entry && holds(index, entry, plan)) ranked.push({ entry, score });
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

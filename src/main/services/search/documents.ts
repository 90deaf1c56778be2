import MiniSearch, { type Options } from 'minisearch';
import type { ParsedQuery } from '../../../shared/search/query';
import type { Highlights } from './highlights';
import { addDistinctWords, formWords, toSearchForm } from './search-form';

/** The fields MiniSearch indexes. */
export type Field = 'title' | 'author' | 'tags' | 'text' | 'notes' | 'labels';
/** One MiniSearch document: an article's body (`b:`) or its highlights (`n:`), each field a search form. */
export type IndexDoc = { id: string } & Partial<Record<Field, string>>;

const FIELDS: Field[] = ['title', 'author', 'tags', 'text', 'notes', 'labels'];
/** Highlight quotes are article text, so `in:notes` reads the text field and checks the highlights. */
export const SCOPE_FIELDS: Record<ParsedQuery['scope'], Field[]> = {
  all: FIELDS,
  notes: ['text', 'notes', 'labels'],
  text: ['text'],
};
/** How much a word found in a field counts (1 when not named). */
export const BOOST: Partial<Record<Field, number>> = {
  title: 3,
  author: 2,
  tags: 2,
  labels: 1.5,
  notes: 1.5,
};

/**
 * Each distinct word of a search form once, repeated 1 + log2(count)
 * times: term frequency still ranks, at a fraction of what adding every
 * occurrence costs.
 */
export function weightedWords(form: string): string[] {
  const counts = new Map<string, number>();
  // Counted match by match: a book-length text never becomes one array of all its words.
  const pattern = /[^ \n]+/g;
  for (let match = pattern.exec(form); match; match = pattern.exec(form)) {
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  const words: string[] = [];
  for (const [word, count] of counts) {
    for (let i = Math.floor(Math.log2(count)); i >= 0; i--) words.push(word);
  }
  return words;
}

/**
 * MiniSearch holds an article's body (`b:` title, author, tags, text) and
 * one document per highlight with a note, a kept quote or tags (`n:` notes
 * and tags). Values are search
 * forms, so terms are only split. These options must not change between a
 * save and a load (INDEX_SCHEMA_VERSION).
 */
export const MINISEARCH_OPTIONS: Options<IndexDoc> = {
  fields: FIELDS,
  tokenize: (form, field) => (field === 'text' || field === 'notes' ? weightedWords(form) : formWords(form)),
  processTerm: (term) => term,
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term, boost: BOOST },
};

/** The id of an article's body document. */
export const bodyId = (articleId: string): string => `b:${articleId}`;
/** The id of one highlight's document: its article's id, a space, its own id. */
export const highlightDocId = (articleId: string, highlightId: string): string =>
  `n:${articleId} ${highlightId}`;
/** The article id of a document id (a body's or a highlight's). */
export const articleIdOf = (docId: string): string => {
  const space = docId.indexOf(' ', 2);
  return docId.slice(2, space === -1 ? undefined : space);
};

/** The body document of an article: the forms of its title, author, tags and text (`form`). */
export function bodyDoc(
  article: { id: string; title: string; author: string | null; tags: string[] },
  form: string,
): IndexDoc {
  return {
    id: bodyId(article.id),
    title: toSearchForm(article.title).form,
    author: toSearchForm(article.author ?? '').form,
    tags: toSearchForm(article.tags.join('\n')).form,
    text: form,
  };
}

/**
 * The document of the highlight at `i`: its note (with its quote when that
 * is not article text) and its tags; undefined when it has none of them. One
 * document per highlight, so a change to one re-indexes only that one.
 */
export function highlightDoc(articleId: string, highlights: Highlights, i: number): IndexDoc | undefined {
  const id = highlights.ids[i];
  if (id === undefined) return undefined;
  const notes = [highlights.notes[i] ?? '', highlights.quotes.get(id) ?? ''].filter((text) => text !== '');
  const labels = highlights.tags[i] ?? [];
  if (notes.length === 0 && labels.length === 0) return undefined;
  return {
    id: highlightDocId(articleId, id),
    notes: toSearchForm(notes.join('\n')).form,
    labels: toSearchForm(labels.join('\n')).form,
  };
}

/** The documents of every highlight of an article that has one. */
export function highlightDocs(articleId: string, highlights: Highlights): IndexDoc[] {
  const docs: IndexDoc[] = [];
  for (let i = 0; i < highlights.ids.length; i++) {
    const doc = highlightDoc(articleId, highlights, i);
    if (doc) docs.push(doc);
  }
  return docs;
}

/** Every distinct word of a document, all fields together (what the vocabulary counts). */
export function docWords(doc: IndexDoc): Set<string> {
  const words = new Set<string>();
  for (const field of FIELDS) addDistinctWords(doc[field] ?? '', words);
  return words;
}

/** An empty MiniSearch with the index's options. */
export function emptyMiniSearch(): MiniSearch<IndexDoc> {
  return new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
}

import { tokenize, type ParsedQuery } from '../../../shared/search/query';
import { fold } from '../../../shared/text/fold';
import type { HighlightColor } from '../../../shared/model/annotation';
import { colorAt, settle, type Highlights } from './highlights';

/** An article's highlights by folded tag and by colour: indexes in document order. */
export interface HighlightIndex {
  byTag: Map<string, number[]>;
  byColor: Map<HighlightColor, number[]>;
}

/** Folds a tag for `tag:` comparisons, exactly as the query parser folds the filter's value. */
export type TagKey = (tag: string) => string;

/** A TagKey that remembers every tag it folded (tags repeat across a library). */
export function cachedTagKey(): TagKey {
  const keys = new Map<string, string>();
  return (tag) => {
    let key = keys.get(tag);
    if (key === undefined) keys.set(tag, (key = tokenize(fold(tag)).join(' ')));
    return key;
  };
}

/** Which parts of an article a query may find things in, given its scope and filters. */
export interface Eligible {
  meta: boolean;
  text: boolean;
  /** True when every highlight is eligible (no colour filter, tags satisfied by the article). */
  allHighlights: boolean;
  /** Indexes into the article's highlights of those eligible, in document order. */
  highlights: () => number[];
  /** For a query of filters only: indexes of the highlights that themselves have the colours and tags. */
  listed: () => number[];
}

/** What filtering reads of an article; `highlightIndex` is built when first needed. */
export interface Filterable {
  tags: string[];
  highlights: Highlights;
  highlightIndex?: HighlightIndex;
}

/** Indexes highlights by colour and by tag (folded by `tagKey`). */
export function buildHighlightIndex(highlights: Highlights, tagKey: TagKey): HighlightIndex {
  const index: HighlightIndex = { byTag: new Map(), byColor: new Map() };
  highlights.ids.forEach((_, i) => {
    const color = colorAt(highlights, i);
    index.byColor.set(color, [...(index.byColor.get(color) ?? []), i]);
    for (const key of new Set(highlights.tags[i]?.map(tagKey))) {
      index.byTag.set(key, [...(index.byTag.get(key) ?? []), i]);
    }
  });
  return index;
}

/**
 * Where in `article` the query may find its words: its title, author and
 * tags only in scope `all`, its text unless `in:notes`, and only when the
 * article itself has every `tag:` and there is no `color:`; its highlights
 * unless `in:text`, those of the colours and carrying the tags the article
 * lacks. The highlight index is built on first use and kept on `article`.
 */
export function eligible(article: Filterable, query: ParsedQuery, tagKey: TagKey): Eligible {
  settle(article.highlights);
  const articleTags = article.tags.map(tagKey);
  const untagged = query.tags.filter((tag) => !articleTags.includes(tag));
  const anyColor = query.colors.length === 0;
  /** Highlights of the query's colours carrying each of `tags`. */
  const having = (tags: string[]) => {
    if (query.scope === 'text') return [];
    const index = (article.highlightIndex ??= buildHighlightIndex(article.highlights, tagKey));
    const colored = query.colors.map((color) => index.byColor.get(color) ?? []);
    let chosen = colored.length < 2 ? colored[0] : colored.flat().sort((a, b) => a - b);
    for (const tag of tags) {
      const tagged = index.byTag.get(tag) ?? [];
      chosen = chosen ? chosen.filter((i) => tagged.includes(i)) : tagged;
    }
    return chosen ?? article.highlights.ids.map((_, i) => i);
  };
  return {
    meta: query.scope === 'all' && anyColor && untagged.length === 0,
    text: query.scope !== 'notes' && anyColor && untagged.length === 0,
    allHighlights: query.scope !== 'text' && anyColor && untagged.length === 0,
    highlights: () => having(untagged),
    listed: () => having(query.tags),
  };
}

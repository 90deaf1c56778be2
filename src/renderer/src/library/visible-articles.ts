import type { ArticleMeta } from '../../../shared/model/article';
import { sameTag } from '../../../shared/model/tag-key';
import { fold } from '../../../shared/text/fold';

/** The orders the library toolbar offers. */
export type SortKey = 'recent' | 'title' | 'date';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings by code unit: ISO dates in order, and much cheaper than localeCompare. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const orders: Record<SortKey, (a: ArticleMeta, b: ArticleMeta) => number> = {
  recent: (a, b) => byCodeUnit(b.createdAt, a.createdAt),
  title: (a, b) => collator.compare(a.title, b.title),
  date: (a, b) => byCodeUnit(b.published ?? '', a.published ?? ''),
};

/** Tag names in the library's order (Vietnamese collation, numbers by value), `tags` left as is. */
export function sortedTags(tags: Iterable<string>): string[] {
  return [...tags].sort(collator.compare);
}

/** Each article's folded title, author and tags, the haystack of the filter. */
export function filterTexts(articles: readonly ArticleMeta[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, fold(`${a.title} ${a.author ?? ''} ${a.tags.join(' ')}`)]));
}

/** A sorted copy of `articles`: newest added first, by title, or newest published first. */
export function sortArticles(articles: readonly ArticleMeta[], sort: SortKey): ArticleMeta[] {
  return [...articles].sort(orders[sort]);
}

/**
 * The articles of `sorted` (order kept) that carry `tag` (when not empty) and whose folded title,
 * author or tags contain the folded `query` ("son tra" finds "Sơn Trà"); `texts` comes from
 * filterTexts. With neither filter, `sorted` itself is returned, so a cleared filter costs nothing.
 */
export function filterArticles(
  sorted: readonly ArticleMeta[],
  query: string,
  tag: string,
  texts: ReadonlyMap<string, string>,
): readonly ArticleMeta[] {
  const needle = fold(query.trim());
  if (!needle && !tag) return sorted;
  return sorted.filter(
    (a) =>
      (!tag || a.tags.some((t) => sameTag(t, tag))) && (!needle || (texts.get(a.id) ?? '').includes(needle)),
  );
}

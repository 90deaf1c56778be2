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

/** The haystack of the filter for one article, not yet folded: its title, author and tags. */
function filterText(article: ArticleMeta): string {
  return `${article.title} ${article.author ?? ''} ${article.tags.join(' ')}`;
}

/**
 * Folded filter texts (see filterText) by article record: a cache, which foldFilterTexts and
 * filterArticles fill. An edited article is a new record, folded again; a dropped one is forgotten.
 */
export type FoldedTexts = WeakMap<ArticleMeta, string>;

/** The folded filter text of `article`, from `folded` or folded now and kept there. */
function foldedText(article: ArticleMeta, folded: FoldedTexts): string {
  let done = folded.get(article);
  if (done === undefined) folded.set(article, (done = fold(filterText(article))));
  return done;
}

/**
 * Folds into `folded` the filter texts of `articles` from index `from` on that it lacks, until
 * `stop()` returns true (asked after each article) or the list ends.
 * @returns the index of the first article not done (`articles.length` when all are).
 */
export function foldFilterTexts(
  articles: readonly ArticleMeta[],
  from: number,
  folded: FoldedTexts,
  stop: () => boolean,
): number {
  let i = from;
  while (i < articles.length) {
    foldedText(articles[i++]!, folded);
    if (stop()) break;
  }
  return i;
}

/** A sorted copy of `articles`: newest added first, by title, or newest published first. */
export function sortArticles(articles: readonly ArticleMeta[], sort: SortKey): ArticleMeta[] {
  return [...articles].sort(orders[sort]);
}

/**
 * The articles of `sorted` (order kept) that carry `tag` (when not empty) and whose folded title,
 * author or tags contain the folded `query` ("son tra" finds "Sơn Trà"); a text missing from `folded`
 * is folded here and added to it. With neither filter, `sorted` itself is returned, so a cleared filter costs nothing.
 */
export function filterArticles(
  sorted: readonly ArticleMeta[],
  query: string,
  tag: string,
  folded: FoldedTexts,
): readonly ArticleMeta[] {
  const needle = fold(query.trim());
  if (!needle && !tag) return sorted;
  return sorted.filter(
    (a) =>
      (!tag || a.tags.some((t) => sameTag(t, tag))) && (!needle || foldedText(a, folded).includes(needle)),
  );
}

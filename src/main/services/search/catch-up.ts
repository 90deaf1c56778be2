import type { ArticleMeta } from '../../../shared/model/article';
import type { ArticleIndex } from './article-index';
import type { SearchSource } from './source';

/** How much of an article must be read again from the source to make the index current. */
export type Refresh = 'content' | 'annotations' | 'meta';

/** What the index keeps of an article to tell whether it is current. */
export interface Fingerprint {
  title: string;
  author: string | null;
  tags: string[];
  contentHash: string;
  updatedAt: string;
  highlightCount: number;
}

/**
 * What must be read again for `indexed` (undefined: not indexed) to match
 * `meta`: the content when it is new or its hash changed, the highlights
 * when the article's update time or highlight count did, only the title,
 * author and tags when those alone differ; undefined when it is current.
 */
export function staleness(indexed: Fingerprint | undefined, meta: ArticleMeta): Refresh | undefined {
  if (!indexed || indexed.contentHash !== meta.contentHash) return 'content';
  if (indexed.updatedAt !== meta.updatedAt || indexed.highlightCount !== meta.highlightCount)
    return 'annotations';
  const sameMeta =
    indexed.title === meta.title &&
    indexed.author === meta.author &&
    indexed.tags.length === meta.tags.length &&
    indexed.tags.every((tag, i) => tag === meta.tags[i]);
  return sameMeta ? undefined : 'meta';
}

/**
 * Brings `index` up to date with `source`: drops the articles gone, re-reads
 * every article whose fingerprint differs, then, until none is left, every
 * article in `touched` (changed meanwhile through the service; the source
 * has the last word), emptying it. `report` is called with `done` of `total`
 * before the first article and after each.
 *
 * @throws whatever `source.listArticles` throws.
 */
export async function catchUp(
  index: ArticleIndex,
  source: SearchSource,
  touched: Set<string>,
  report: (done: number, total: number) => void,
): Promise<void> {
  const live = new Map(source.listArticles().map((meta) => [meta.id, meta]));
  const queue: [ArticleMeta, Refresh][] = [];
  for (const id of index.articles.keys()) if (!live.has(id)) index.drop(id);
  for (const meta of live.values()) {
    const refresh = staleness(index.articles.get(meta.id), meta);
    if (refresh === 'meta') index.applyMeta(meta);
    else if (refresh) queue.push([meta, refresh]);
  }
  let done = 0;
  report(done, queue.length);
  for (;;) {
    const next = queue.shift();
    if (!next) {
      if (touched.size === 0) break;
      const current = new Map(source.listArticles().map((meta) => [meta.id, meta]));
      for (const id of touched) {
        const meta = current.get(id);
        if (meta) queue.push([meta, 'content']);
        else index.drop(id);
      }
      touched.clear();
      continue;
    }
    await refreshArticle(index, source, ...next);
    done++;
    report(done, done + queue.length);
  }
}

/** Re-reads what `refresh` names of one article; one that cannot be read is marked stale for the next open. */
async function refreshArticle(
  index: ArticleIndex,
  source: SearchSource,
  meta: ArticleMeta,
  refresh: Refresh,
): Promise<void> {
  try {
    const annotations = source.listAnnotations(meta.id);
    if (refresh === 'content') {
      const content = await source.readContent(meta.id);
      if (content) index.put(meta, content, await annotations);
      else index.drop(meta.id);
      return;
    }
    const live = await annotations;
    const entry = index.articles.get(meta.id);
    if (!entry) return;
    index.setHighlights(entry, live);
    index.applyMeta(meta);
  } catch {
    const entry = index.articles.get(meta.id);
    if (entry) entry.contentHash = '';
  }
}

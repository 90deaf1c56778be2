import type { ChangeEvent } from '../../../shared/model/change';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import type { ChangeSubscriber } from '../store/change-feed';

/** The index operations a follower drives (SearchService's public methods). */
export interface FollowedIndex {
  indexArticle(
    meta: ArticleMeta,
    content: { text: string; blocks: Block[] },
    annotations: Annotation[],
  ): void;
  removeArticle(articleId: string): void;
  updateArticleMeta(meta: ArticleMeta): void;
  indexAnnotation(annotation: Annotation): void;
  removeAnnotation(id: string): void;
}

/** What a follower reads back from the library when an event names a change. */
export interface FollowedLibrary {
  /** An article record (tombstones included), or undefined. */
  getArticle(id: string): ArticleMeta | undefined;
  /** A live article's canonical text and blocks. */
  text(id: string): Promise<{ text: string; blocks: Block[] }>;
  /** Live highlights of an article; with `ids`, only those of these ids. */
  listAnnotations(articleId: string, filter?: { ids?: readonly string[] }): Promise<Annotation[]>;
}

/**
 * Keeps a search index in step with the library: subscribe the returned
 * function to the store's change feed. Events are applied one at a time, in
 * order; the promise it returns for an event settles once the index holds it.
 */
export function followChanges(index: FollowedIndex, library: FollowedLibrary): ChangeSubscriber {
  let queue: Promise<void> = Promise.resolve();
  return (event) => {
    const next = queue.then(() => apply(index, library, event));
    queue = next.catch(() => undefined);
    return next;
  };
}

async function apply(index: FollowedIndex, library: FollowedLibrary, event: ChangeEvent): Promise<void> {
  switch (event.kind) {
    case 'article-added':
    case 'article-changed': {
      const meta = library.getArticle(event.articleId);
      if (!meta || meta.deleted) return index.removeArticle(event.articleId);
      if (event.kind === 'article-changed' && !event.content) return index.updateArticleMeta(meta);
      const [content, annotations] = await Promise.all([
        library.text(meta.id),
        library.listAnnotations(meta.id),
      ]);
      return index.indexArticle(library.getArticle(meta.id) ?? meta, content, annotations);
    }
    case 'article-removed':
      return index.removeArticle(event.articleId);
    case 'annotations-changed': {
      const live = await library.listAnnotations(event.articleId, { ids: event.ids });
      const found = new Set(live.map((annotation) => annotation.id));
      for (const id of event.ids) if (!found.has(id)) index.removeAnnotation(id);
      for (const annotation of live) index.indexAnnotation(annotation);
      return;
    }
    case 'tags-changed':
    case 'settings-changed':
    case 'devices-changed':
      return;
  }
}

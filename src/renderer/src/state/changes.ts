import type { ChangeEvent } from '../../../shared/model/change';
import { byDocumentOrder } from '../../../shared/model/document-order';
import type { Annotation } from '../../../shared/model/annotation';

/** What the renderer refetches after a batch of change events. */
export interface RefreshPlan {
  /** The library's article list. */
  articles: boolean;
  tags: boolean;
  settings: boolean;
  /** The open article's text changed: reload it (and all its highlights, re-anchored). */
  text: boolean;
  /** The open article's record or note changed (not its text). */
  head: boolean;
  /** The open article was deleted. */
  closed: boolean;
  /** Highlights of the open article to fetch again (created, updated or deleted). */
  annotationIds: string[];
  /** Another computer's changes arrived: ask again which computers keep the library and when each wrote. */
  devices: boolean;
}

/**
 * Decides what to refetch for `events`, given the article open in the reader
 * (null when none) and whether the library list is on screen. Reading
 * position saves reload nothing in the reader; highlights of the open article
 * are fetched by id; other articles only touch the list.
 */
export function planRefresh(
  events: readonly ChangeEvent[],
  openArticleId: string | null,
  listShown: boolean,
): RefreshPlan {
  const plan: RefreshPlan = {
    articles: false,
    tags: false,
    settings: false,
    text: false,
    head: false,
    closed: false,
    annotationIds: [],
    devices: false,
  };
  const ids = new Set<string>();
  for (const event of events) {
    switch (event.kind) {
      case 'article-added':
        plan.articles = true;
        break;
      case 'article-removed':
        plan.articles = true;
        if (event.articleId === openArticleId) plan.closed = true;
        break;
      case 'article-changed':
        if (event.progressOnly) {
          plan.articles ||= listShown;
          break;
        }
        plan.articles = true;
        if (event.articleId !== openArticleId) break;
        if (event.content) plan.text = true;
        else plan.head = true;
        break;
      case 'annotations-changed':
        // Highlight counts: in the list, and per tag.
        plan.articles ||= listShown;
        plan.tags = true;
        if (event.articleId === openArticleId) for (const id of event.ids) ids.add(id);
        break;
      case 'tags-changed':
        plan.tags = true;
        break;
      case 'settings-changed':
        plan.settings = true;
        break;
      case 'devices-changed':
        plan.devices = true;
        break;
    }
  }
  // Reloading the text brings every highlight with it.
  plan.annotationIds = plan.text || plan.closed ? [] : [...ids];
  return plan;
}

/**
 * The reader's highlights after the highlights `ids` were fetched again:
 * those among `fetched` replace or join the list (unless the list holds a
 * newer version), the other ids are gone (deleted). Document order. When
 * that changes nothing (the event of an edit made here, which the list
 * already holds), `current` itself, so nothing is drawn again.
 */
export function mergeAnnotations(
  current: Annotation[],
  ids: readonly string[],
  fetched: readonly Annotation[],
): Annotation[] {
  const asked = new Set(ids);
  const incoming = new Map(fetched.map((annotation) => [annotation.id, annotation]));
  const held = new Map(current.filter((a) => asked.has(a.id)).map((a) => [a.id, a]));
  const changed = ids.some((id) => {
    const fresh = incoming.get(id);
    const mine = held.get(id);
    return fresh ? !mine || fresh.updatedAt > mine.updatedAt : !!mine;
  });
  if (!changed) return current;
  const kept = current.filter((annotation) => !asked.has(annotation.id) || incoming.has(annotation.id));
  const merged = kept.map((annotation) => {
    const fresh = incoming.get(annotation.id);
    incoming.delete(annotation.id);
    return fresh && fresh.updatedAt >= annotation.updatedAt ? fresh : annotation;
  });
  merged.push(...incoming.values());
  return merged.sort(byDocumentOrder);
}

/** `list` (in document order) with `added` in its place, found by binary search: no sort of the whole list. */
export function insertAnnotation(list: Annotation[], added: Annotation): Annotation[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDocumentOrder(list[mid]!, added) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [...list.slice(0, lo), added, ...list.slice(lo)];
}

import type { ChangeEvent } from '../../../shared/model/change';
import type { ChangeFeed } from './change-feed';

/** A file that can tell when the changes marked on it so far are on disk (a StoredFile). */
export interface Durable {
  /** Resolves once written; rejects (GlossError) when the changes were refused or dropped. */
  durable(): Promise<void>;
}

type ArticleEvent = Extract<ChangeEvent, { kind: 'article-added' | 'article-changed' | 'article-removed' }>;

/** One event and the files that must be written before it is announced. */
export interface Announcement {
  event: ChangeEvent;
  files: Durable[];
}

/**
 * The changes one store operation made, gathered so each is announced once:
 * one event per article, one `annotations-changed` per article with every
 * highlight touched, at most one `tags-changed` and one `settings-changed`.
 */
export class ChangeSet {
  private readonly articleEvents = new Map<string, { event: ArticleEvent; files: Set<Durable> }>();
  private readonly highlights = new Map<string, { ids: Set<string>; file: Durable }>();
  private tags = false;
  private settings = false;
  private elsewhere = false;

  /** Records a change to an article's record (in `file`, library.json unless told). Later ones win, flags merge. */
  article(event: ArticleEvent, file: Durable): void {
    const earlier = this.articleEvents.get(event.articleId);
    const files = earlier?.files ?? new Set<Durable>();
    files.add(file);
    let merged: ArticleEvent = event;
    if (earlier?.event.kind === 'article-changed' && event.kind === 'article-changed') {
      merged = {
        ...event,
        content: earlier.event.content || event.content,
        progressOnly: (earlier.event.progressOnly ?? false) && (event.progressOnly ?? false),
      };
    } else if (earlier?.event.kind === 'article-added' && event.kind === 'article-changed') {
      merged = earlier.event;
    }
    if (merged.kind === 'article-changed' && !merged.progressOnly) delete merged.progressOnly;
    this.articleEvents.set(event.articleId, { event: merged, files });
  }

  /** Records highlights of one article created, updated or deleted; `file` is its shard. */
  annotations(articleId: string, ids: Iterable<string>, file: Durable): void {
    const entry = this.highlights.get(articleId) ?? { ids: new Set<string>(), file };
    for (const id of ids) entry.ids.add(id);
    if (entry.ids.size > 0) this.highlights.set(articleId, entry);
  }

  /** Records a change to the tag registry. */
  tagsChanged(): void {
    this.tags = true;
  }

  /** Records a change to the reader preferences. */
  settingsChanged(): void {
    this.settings = true;
  }

  /** Records that these changes came from another computer's files (announced last, see `devices-changed`). */
  fromOtherDevice(): void {
    this.elsewhere = true;
  }

  /** The events, each with its files: the tag registry first, then articles, highlights, settings, and whether from another computer. */
  announcements(library: Durable): Announcement[] {
    const list: Announcement[] = [];
    if (this.tags) list.push({ event: { kind: 'tags-changed' }, files: [library] });
    for (const { event, files } of this.articleEvents.values()) list.push({ event, files: [...files] });
    for (const [articleId, { ids, file }] of this.highlights) {
      list.push({ event: { kind: 'annotations-changed', articleId, ids: [...ids] }, files: [file] });
    }
    if (this.settings) list.push({ event: { kind: 'settings-changed' }, files: [library] });
    if (this.elsewhere) list.push({ event: { kind: 'devices-changed' }, files: [] });
    return list;
  }
}

/**
 * Publishes announcements on the feed in the order they were committed, each
 * once every file it names has been written; an announcement whose changes
 * were dropped (a library closed after losing its lock) is not published.
 */
export class Announcer {
  private tail: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly feed: ChangeFeed) {}

  /**
   * Queues the announcements. Resolves once every file they name holds them
   * on disk; they are published (in commit order) and delivered to
   * subscribers after that, without being waited for here (see `settled`).
   * @throws GlossError when a file could not be written (see StoredFile.durable); nothing is published then.
   */
  announce(announcements: Announcement[]): Promise<void> {
    if (announcements.length === 0) return Promise.resolve();
    // Asked now, so each waits for the write holding the changes just made.
    const durable = announcements.map(({ files }) =>
      Promise.all(files.map((file) => file.durable())).then(() => undefined),
    );
    const published = this.tail.then(async () => {
      const deliveries: Promise<void>[] = [];
      for (const [index, { event }] of announcements.entries()) {
        const written = await durable[index]?.then(
          () => true,
          () => false,
        );
        if (written) deliveries.push(this.feed.publish(event));
      }
      return deliveries;
    });
    this.tail = published.then(() => undefined);
    const delivered = published.then((deliveries) => Promise.all(deliveries)).then(() => undefined);
    this.inFlight.add(delivered);
    void delivered.finally(() => this.inFlight.delete(delivered));
    return Promise.all(durable).then(() => undefined);
  }

  /** Resolves once everything announced so far is published and delivered (its files must get written). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}

import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeEvent } from '../../../shared/model/change';
import { GlossError } from '../../../shared/result';
import { articleMetaSchema, type ArticleMeta } from '../../../shared/model/article';
import { atomicWrite } from '../fs/atomic-write';
import { ChangeSet } from './change-set';
import { contentCodec } from './codecs';
import { checkId, cloneArticle, describeArticle, describeError, type StoreContext } from './context';
import { loadJsonFile } from './files';
import { contentFileSchema, parseOrInvalid, type ContentFile } from './schemas';

type ArticleEvent = Extract<ChangeEvent, { kind: 'article-added' | 'article-changed' | 'article-removed' }>;

/** Fields whose change alone makes a change "progress only" (the reading position, and when it was saved). */
const PROGRESS_FIELDS = new Set<keyof ArticleMeta>(['progress', 'updatedAt']);

/**
 * The event for replacing the record `before` (undefined: none) by `after`;
 * null when nothing a follower sees changed (a tombstone rewritten, the same record).
 */
export function articleEvent(before: ArticleMeta | undefined, after: ArticleMeta): ArticleEvent | null {
  const articleId = after.id;
  if (!before || before.deleted) return after.deleted ? null : { kind: 'article-added', articleId };
  if (after.deleted) return { kind: 'article-removed', articleId };
  const changed = (Object.keys(after) as (keyof ArticleMeta)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length === 0) return null;
  const content = before.contentHash !== after.contentHash;
  const progressOnly = changed.every((key) => PROGRESS_FIELDS.has(key));
  return progressOnly
    ? { kind: 'article-changed', articleId, content, progressOnly }
    : { kind: 'article-changed', articleId, content };
}

/** The article index in library.json and each article's content cache in `.gloss/content/<id>.json`. */
export class Articles {
  constructor(private readonly ctx: StoreContext) {}

  /** Article records, tombstones only with `includeDeleted`; copies, in index order. */
  list(options: { includeDeleted?: boolean } = {}): ArticleMeta[] {
    return this.ctx.library.data.articles
      .filter((meta) => options.includeDeleted || !meta.deleted)
      .map(cloneArticle);
  }

  /** One article record (tombstones included), or undefined. */
  get(id: string): ArticleMeta | undefined {
    const meta = this.ctx.articles.get(id);
    return meta && cloneArticle(meta);
  }

  /**
   * Inserts or replaces an article record (a tombstone is a record with
   * `deleted: true`). Its tags take the registry's spelling, unknown ones are
   * registered; `highlightCount` of a known article stays the store's own.
   * Written after the write delay, then announced.
   * @throws GlossError 'invalid-argument' when the record does not validate.
   */
  put(meta: ArticleMeta): void {
    this.ctx.assertWritable();
    const parsed = parseOrInvalid(articleMetaSchema, meta, 'article');
    const changes = new ChangeSet();
    const tags = this.ctx.tags.resolve(this.ctx.tags.normalize(parsed.tags), changes);
    const existing = this.ctx.articles.get(parsed.id);
    const before = existing && cloneArticle(existing);
    if (existing) {
      Object.assign(existing, parsed, { tags, highlightCount: existing.highlightCount });
    } else {
      const record = { ...parsed, tags };
      this.ctx.library.data.articles.push(record);
      this.ctx.articles.set(record.id, record);
    }
    this.ctx.library.changed();
    const event = articleEvent(before, this.ctx.articles.get(parsed.id) as ArticleMeta);
    if (event) changes.article(event, this.ctx.library);
    void this.ctx.commit(changes);
  }

  /**
   * Writes an article's content cache (canonical text and blocks) atomically, now.
   * It is announced with the record that names its hash (`put`).
   * @throws GlossError 'invalid-argument' for a bad id or blocks outside the text, 'io'.
   */
  async writeContent(id: string, content: ContentFile): Promise<void> {
    this.ctx.assertWritable();
    const file = this.contentFile(id);
    const parsed = parseOrInvalid(contentFileSchema, content, 'article text');
    try {
      await atomicWrite(file, contentCodec.encode(parsed));
    } catch (error) {
      throw new GlossError(
        'io',
        `Gloss could not save the text of article ${id} (${file}): ${describeError(error)}`,
      );
    }
  }

  /**
   * Reads an article's content cache; undefined when it is missing or damaged
   * (a damaged one is moved aside with a notice; rebuild it from the source file).
   */
  async readContent(id: string): Promise<ContentFile | undefined> {
    const loaded = await loadJsonFile({
      file: this.contentFile(id),
      what: `the cached text of ${describeArticle(this.ctx, id)}`,
      codec: contentCodec,
      backups: null,
      whenLost: 'It can be rebuilt from the article’s source file.',
      notify: (message) => this.ctx.notify(message),
    });
    return loaded?.data;
  }

  /** Removes an article's shard, its backups and its content cache for good; the index keeps its tombstone. */
  async purge(id: string): Promise<void> {
    this.ctx.assertWritable();
    checkId(id);
    await this.ctx.shards.purge(id);
    await rm(this.contentFile(id), { force: true });
    this.ctx.history.forgetArticle(id);
    const meta = this.ctx.articles.get(id);
    if (meta && meta.highlightCount !== 0) {
      meta.highlightCount = 0;
      this.ctx.library.changed('idle');
    }
  }

  /**
   * An article's canonical text from its content cache, read synchronously
   * (the search index cuts snippets from it); undefined when the cache is
   * missing, unreadable or not a content file. Damage is left for
   * `readContent` to report.
   */
  readCachedText(id: string): string | undefined {
    try {
      const parsed = JSON.parse(readFileSync(this.contentFile(id), 'utf8')) as { text?: unknown };
      return typeof parsed.text === 'string' ? parsed.text : undefined;
    } catch {
      return undefined;
    }
  }

  private contentFile(id: string): string {
    return path.join(this.ctx.glossDir, 'content', `${checkId(id)}.json`);
  }
}

import { readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeEvent } from '../../../shared/model/change';
import { GlossError } from '../../../shared/result';
import { articleMetaSchema, type ArticleMeta } from '../../../shared/model/article';
import { atomicWrite } from '../fs/atomic-write';
import { blockLayout } from '../../../shared/text/block-layout';
import { BlockFile, encodeBlockFile, type BlockFileHeader } from './block-file';
import { ChangeSet } from './change-set';
import { contentCodec } from './codecs';
import {
  ContentCache,
  encodeContentFile,
  encodeTextFile,
  readTextFileRange,
  textHash,
  type CachedContent,
} from './content-cache';
import { checkId, cloneArticle, describeArticle, describeError, type StoreContext } from './context';
import { loadJsonFile } from './files';
import { z } from 'zod';
import { checkContentRanges, parseOrInvalid, type ContentFile } from './schemas';
import type { Block } from '../../../shared/model/article';

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

const uuid = z.uuid();

/** The content file's fields of a cached entry (pages only for a PDF). */
function contentOf({ text, blocks, pages }: CachedContent): ContentFile {
  return pages ? { text, blocks, pages } : { text, blocks };
}

/** What the reader shows first of an article: where every block lies, a range of blocks and their text. */
export interface ContentWindow extends BlockFileHeader {
  /** The blocks [from, from + blocks.length), whole. */
  from: number;
  blocks: Block[];
  /** The text from the first of `blocks`' start to the last one's end. */
  text: string;
}

/** Articles whose text and blocks are kept in memory (the open one, and the last few). */
const CONTENT_CACHE_SIZE = 3;

/**
 * The article index in library.json and each article's content cache:
 * `<cache>/content/<id>.json` (text and blocks), `<cache>/content/<id>.utf16le`
 * (the text alone, read by range; see encodeTextFile) and `<cache>/content/<id>.blocks`
 * (the block layout and the blocks, read by range; see encodeBlockFile).
 */
export class Articles {
  private readonly cache = new ContentCache(CONTENT_CACHE_SIZE);
  /** Text files being rewritten for content saved before they existed. */
  private readonly textWrites = new Set<Promise<void>>();
  /** New articles' content files being written after their text and block files, by article id. */
  private readonly contentWrites = new Map<string, Promise<void>>();

  constructor(private readonly ctx: StoreContext) {}

  /** Article records, tombstones only with `includeDeleted`; copies, in index order. */
  list(options: { includeDeleted?: boolean } = {}): ArticleMeta[] {
    return this.ctx.library.data.articles
      .filter((meta) => options.includeDeleted || !meta.deleted)
      .map(cloneArticle);
  }

  /**
   * Live article records, most recently added first (ISO timestamps compared by code unit), `first`
   * of them (all when undefined) after the first `skip`: only those are copied, so a page of a large
   * library costs a sort of references, not a copy of every record.
   */
  newestFirst(first: number | undefined, skip: number): ArticleMeta[] {
    const live = this.ctx.library.data.articles.filter((meta) => !meta.deleted);
    live.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return (first === undefined ? live.slice(skip) : live.slice(skip, skip + first)).map(cloneArticle);
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
   * Resolves once written (then announced).
   * @throws GlossError 'invalid-argument' when the record does not validate, 'disk-full' or 'io' when it could not be saved.
   */
  async put(meta: ArticleMeta): Promise<void> {
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
    await this.ctx.commit(changes);
  }

  /**
   * Writes an article's content cache (canonical text and blocks) atomically:
   * its text and block files now, and its content file now too when one is
   * there to replace; for an article that has none yet (a new import), after
   * this resolves, in the background (its JSON of a long text took longer than
   * everything else written; until it is on disk the article is read from
   * memory or its text and block files, and were it never written, rebuilt
   * from its copy). `hash` is the text's (see textHash) when the caller has it.
   * It is announced with the record that names its hash (`put`).
   * @throws GlossError 'invalid-argument' for a bad id or blocks outside the text, 'io'.
   */
  async writeContent(id: string, content: ContentFile, hash?: string): Promise<void> {
    this.ctx.assertWritable();
    const file = this.contentFile(id);
    checkContentRanges(content);
    const parsed: ContentFile = content.pages
      ? { text: content.text, blocks: content.blocks, pages: content.pages }
      : { text: content.text, blocks: content.blocks };
    const cached: CachedContent = { ...parsed, hash: hash ?? textHash(parsed.text) };
    this.cache.delete(id);
    await this.contentWrites.get(id);
    try {
      // Side by side (their fsyncs overlap); both have ended before a failure is reported.
      const written = await Promise.allSettled([
        atomicWrite(this.textFile(id), encodeTextFile(cached.text, cached.hash)),
        atomicWrite(this.blockFile(id), encodeBlockFile(parsed, cached.hash)),
      ]);
      for (const settled of written) if (settled.status === 'rejected') throw settled.reason;
      if (await exists(file)) await atomicWrite(file, encodeContentFile(parsed));
      else this.writeContentFileLater(id, parsed);
    } catch (error) {
      throw new GlossError(
        'io',
        `Gloss could not save the text of article ${id} (${file}): ${describeError(error)}`,
      );
    }
    this.cache.set(id, cached);
  }

  /** Writes a new article's content file in the background (see writeContent); `settle` waits for it. */
  private writeContentFileLater(id: string, content: ContentFile): void {
    const write = atomicWrite(this.contentFile(id), encodeContentFile(content))
      // Its text and block files hold the article meanwhile; without the content file it is rebuilt.
      .catch(() => undefined)
      .finally(() => {
        if (this.contentWrites.get(id) === write) this.contentWrites.delete(id);
      });
    this.contentWrites.set(id, write);
  }

  /**
   * Reads an article's content cache, validated once and then kept in memory
   * for the last few articles (the result is shared: do not change it);
   * undefined when it is missing or damaged (a damaged one is moved aside
   * with a notice; rebuild it from the source file).
   */
  async readContent(id: string): Promise<ContentFile | undefined> {
    const cached = this.cache.get(checkId(id));
    if (cached) return contentOf(cached);
    await this.contentWrites.get(id);
    const loaded = await loadJsonFile({
      file: this.contentFile(id),
      what: `the cached text of ${describeArticle(this.ctx, id)}`,
      codec: contentCodec,
      backups: null,
      whenLost: 'content',
      notify: (said) => this.ctx.notify(said),
    });
    if (!loaded) return undefined;
    const content = { ...loaded.data, hash: textHash(loaded.data.text) };
    this.cache.set(id, content);
    if (readTextFileRange(this.textFile(id), content.hash, 0, 0) === undefined)
      await this.writeTextFile(id, content);
    const blocks = BlockFile.open(this.blockFile(id), content.hash);
    if (blocks) blocks.close();
    else await atomicWrite(this.blockFile(id), encodeBlockFile(content, content.hash)).catch(() => undefined);
    return loaded.data;
  }

  /**
   * Where every block of an article lies, the blocks [from, to) that `choose` picks from that layout, and
   * their text, without reading the rest of the article: from memory, else from its block and text files.
   * Undefined when those files are missing, damaged (a damaged block file is removed) or hold another text
   * than `contentHash`: then `readContent` reads the article whole and writes them again.
   */
  readWindow(
    id: string,
    contentHash: string,
    choose: (layout: BlockFileHeader) => { from: number; to: number },
  ): ContentWindow | undefined {
    const cached = this.cache.get(checkId(id));
    if (cached?.hash === contentHash) {
      const header = { hash: cached.hash, length: cached.text.length, layout: blockLayout(cached.blocks) };
      const whole = cached.pages ? { ...header, pages: cached.pages } : header;
      const { from, to } = choose(whole);
      const blocks = cached.blocks.slice(from, to);
      const text =
        blocks.length > 0 ? cached.text.slice(blocks[0]!.start, blocks[blocks.length - 1]!.end) : '';
      return { ...whole, from, blocks, text };
    }
    const file = BlockFile.open(this.blockFile(id), contentHash);
    if (!file) return undefined;
    try {
      const { from, to } = choose(file.header);
      const blocks = file.blocks(from, to);
      if (!blocks) {
        void rm(this.blockFile(id), { force: true }).catch(() => undefined);
        return undefined;
      }
      const text =
        blocks.length > 0
          ? readTextFileRange(
              this.textFile(id),
              contentHash,
              blocks[0]!.start,
              blocks[blocks.length - 1]!.end,
            )
          : '';
      return text === undefined ? undefined : { ...file.header, from, blocks, text };
    } finally {
      file.close();
    }
  }

  /** Removes an article's shard, its backups and its content cache for good; the index keeps its tombstone. */
  async purge(id: string): Promise<void> {
    this.ctx.assertWritable();
    checkId(id);
    await this.ctx.shards.purge(id);
    this.cache.delete(id);
    await this.contentWrites.get(id);
    await rm(this.contentFile(id), { force: true });
    await rm(this.textFile(id), { force: true });
    await rm(this.blockFile(id), { force: true });
    this.ctx.history.forgetArticle(id);
    const meta = this.ctx.articles.get(id);
    if (meta && meta.highlightCount !== 0) {
      meta.highlightCount = 0;
      this.ctx.library.changed('idle');
    }
  }

  /**
   * [start, end) of an article's canonical text (UTF-16 units, clamped; the
   * whole text by default), read synchronously (the search index cuts snippets
   * from it and keeps no copy): from memory, else by range from the text file;
   * undefined when the text is missing, unreadable, or its hash is not
   * `contentHash` (it changed since). Damage is left for `readContent` to report.
   */
  readCachedText(id: string, contentHash: string, start = 0, end?: number): string | undefined {
    if (!uuid.safeParse(id).success) return undefined;
    const cached = this.cache.get(id);
    if (cached?.hash === contentHash) return cached.text.slice(start, end);
    const range = readTextFileRange(this.textFile(id), contentHash, start, end);
    if (range !== undefined) return range;
    // Content saved before text files existed: read it whole once, and write its text file.
    let text: unknown;
    try {
      text = (JSON.parse(readFileSync(this.contentFile(id), 'utf8')) as { text?: unknown }).text;
    } catch {
      return undefined;
    }
    if (typeof text !== 'string' || textHash(text) !== contentHash) return undefined;
    const write = this.writeTextFile(id, { text, hash: contentHash }).finally(() =>
      this.textWrites.delete(write),
    );
    this.textWrites.add(write);
    return text.slice(start, end);
  }

  /** Resolves once the text and content files being written in the background are written (or failed). */
  async settle(): Promise<void> {
    await Promise.all([...this.textWrites, ...this.contentWrites.values()]);
  }

  /** Writes an article's text file; a failure only means its text is read from the content file. */
  private async writeTextFile(id: string, content: Pick<CachedContent, 'text' | 'hash'>): Promise<void> {
    await atomicWrite(this.textFile(id), encodeTextFile(content.text, content.hash)).catch(() => undefined);
  }

  private textFile(id: string): string {
    return path.join(this.ctx.cacheDir, 'content', `${checkId(id)}.utf16le`);
  }

  private blockFile(id: string): string {
    return path.join(this.ctx.cacheDir, 'content', `${checkId(id)}.blocks`);
  }

  private contentFile(id: string): string {
    return path.join(this.ctx.cacheDir, 'content', `${checkId(id)}.json`);
  }
}

/** Whether `file` exists (a failure to look counts as yes: the caller then writes it now). */
async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
}

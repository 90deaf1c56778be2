import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../shared/result';
import { blockWindow } from '../../../shared/text/blocks';
import { blockLayout, layoutBlockNear } from '../../../shared/text/block-layout';
import type {
  ArticleContent,
  ArticleExcerpt,
  ArticleMeta,
  BlockLayout,
  ImportOutcome,
} from '../../../shared/model/article';
import { atomicWrite } from '../fs/atomic-write';
import { resolveInLibrary } from '../fs/library-paths';
import { mkdirNoFollow, readFileNoFollow } from '../fs/no-follow';
import type { ImportedDocument } from '../import/convert';
import { importConverter, type ImportConverter } from '../import/import-converter';
import type { LibraryStore } from '../store';
import { reanchorAll } from '../../../shared/anchoring';
import { BookImages, type BookImage } from './book-images';
import { pdfFields, uniqueTags } from './article-fields';
import { copyFileName, uniqueFileName } from './file-names';
import { describeReanchoring, worded } from './import-notices';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** An article's canonical text and its blocks (and pages, for a PDF). */
type Content = { text: string; blocks: ArticleContent['blocks']; pages?: ArticleContent['pages'] };

/** Metadata a user may edit. */
export type ArticlePatch = Partial<Pick<ArticleMeta, 'title' | 'author' | 'published' | 'tags' | 'progress'>>;

/**
 * Imports files into the library folder and manages articles: the copy in
 * `articles/`, the index record and the content cache. Other services follow
 * its changes on the store's change feed. An import or a refresh resolves
 * once its changes are on disk, while followers (search indexing a long
 * text) catch up after; a deletion or restoration once they are also
 * delivered to every follower.
 */
export class LibraryService {
  /** Deleted this session: can still be restored. Purged at the next start. */
  private readonly deletedThisSession = new Set<string>();
  private images: BookImages | undefined;

  /**
   * @param converter Converts imported files on a worker thread within a time and memory budget;
   *   by default the process's one conversion thread.
   */
  constructor(
    private readonly store: LibraryStore,
    private readonly converter: ImportConverter = importConverter,
  ) {}

  /**
   * Live articles, most recently added first (ISO timestamps compared by code
   * unit: no collation needed); with `first`, only that many, after the first `skip` (default 0).
   */
  list(first?: number, skip = 0): ArticleMeta[] {
    return this.store.listNewestArticles(first, skip);
  }

  /** An article with its text; rebuilds the content cache from the copy if it is missing. */
  async get(id: string): Promise<ArticleContent> {
    const article = this.live(id);
    const { text, blocks, pages } = await this.content(article);
    const note = await this.store.getArticleNote(id);
    return pages ? { article, text, blocks, pages, note } : { article, text, blocks, note };
  }

  /**
   * The canonical text and blocks of a live article: from the store (which keeps the last few in
   * memory), or rebuilt from its copy.
   * @throws GlossError 'not-found', 'damaged' when the cache and the copy are both unreadable.
   */
  text(id: string): Promise<Content> {
    return this.content(this.live(id));
  }

  /**
   * The article with the text of only the window of blocks around `around` (default: the saved reading
   * position), the same window the reader renders first.
   */
  async excerpt(id: string, around?: number): Promise<ArticleExcerpt> {
    const article = this.live(id);
    const choose = (layout: BlockLayout, length: number) => {
      const at = around ?? Math.round(article.progress * length);
      return blockWindow(layoutBlockNear(layout, at), layout.kinds.length);
    };
    // From the block and text files when they are there: the rest of the article is not read.
    const window =
      this.store.readContentWindow(id, article.contentHash, (head) => choose(head.layout, head.length)) ??
      (await this.wholeWindow(article, choose));
    const { layout, from, blocks, length, text, pages } = window;
    return {
      article,
      // Only where the other blocks lie: their markup and origins come with the whole article.
      layout,
      blocks,
      // A PDF's page map (small): its first page's highlights are painted before the whole text comes.
      ...(pages && { pages }),
      note: await this.store.getArticleNote(id),
      length,
      excerpt: { from, to: from + blocks.length, text },
    };
  }

  /** The excerpt's parts from the whole content (read, or rebuilt from the copy, and kept in memory). */
  private async wholeWindow(
    article: ArticleMeta,
    choose: (layout: BlockLayout, length: number) => { from: number; to: number },
  ) {
    const { text, blocks: all, pages } = await this.content(article);
    const layout = blockLayout(all);
    const { from, to } = choose(layout, text.length);
    const blocks = all.slice(from, to);
    const excerptText = blocks.length > 0 ? text.slice(blocks[0]!.start, blocks[blocks.length - 1]!.end) : '';
    return { layout, from, blocks, length: text.length, text: excerptText, pages };
  }

  /**
   * One image of an EPUB article (see BookImages.read): null when the article is not a book, or has no
   * image by that name.
   * @throws GlossError 'not-found' for an unknown article, as BookImages.read.
   */
  bookImage(id: string, name: string): Promise<BookImage | null> {
    this.images ??= new BookImages(this.store.cacheDir, (article) => this.readSource(article));
    return this.images.read(this.live(id), name);
  }

  /**
   * The bytes of a PDF article's imported copy.
   * @throws GlossError 'not-found', 'unsupported' when the article is not a PDF, 'forbidden' when its
   *   path would leave the library, 'io' when the copy cannot be read.
   */
  async pdfBytes(id: string): Promise<Uint8Array> {
    const article = this.live(id);
    if (article.format !== 'pdf')
      throw new GlossError('unsupported', 'Only a PDF article has pages to draw.');
    try {
      return await this.readSource(article);
    } catch (error) {
      if (error instanceof GlossError) throw error;
      throw new GlossError(
        'io',
        `The copy of “${article.title}” cannot be read: ${(error as Error).message}`,
      );
    }
  }

  /**
   * Imports one file's bytes under its original name. With `move` (a caller done with them), the
   * bytes are moved to the conversion thread rather than copied: `data` is then detached (length 0)
   * when it is the whole of its buffer. `password` opens an encrypted PDF for reading its text; it is
   * not stored: the copy stays encrypted and the reader asks for it again to draw the pages.
   * @throws GlossError for empty, binary, unsupported or oversized files, and for an encrypted PDF
   *   without its password or with a wrong one (see `passwordError`); the library is unchanged then.
   */
  async importBytes(
    data: Uint8Array,
    fileName: string,
    { move = false, password }: { move?: boolean; password?: string } = {},
  ): Promise<ImportOutcome> {
    const name = path.basename(fileName).normalize('NFC');
    // The bytes go to the conversion thread and come back (see ImportConverter.convert).
    const { document: doc, bytes } = await this.converter.convert(data, name, { move, password });
    const existing = this.store.listArticles().find((a) => a.contentHash === doc.contentHash);
    if (existing) {
      return {
        status: 'duplicate',
        article: existing,
        ...worded(notice('notices.duplicate', { name, title: existing.title })),
      };
    }
    const safeName = copyFileName(name);
    const earlier = this.store.listArticles().find((a) => a.sourceFile === `articles/${safeName}`);
    if (earlier) return this.importNewVersion(earlier, bytes);
    const articlesDir = path.join(this.store.libraryPath, 'articles');
    await mkdirNoFollow(articlesDir, this.store.libraryPath);
    const copyName = await uniqueFileName(articlesDir, safeName);
    const copyPath = path.join(articlesDir, copyName);
    const id = randomUUID();
    const now = new Date().toISOString();
    const article: ArticleMeta = {
      id,
      title: doc.title,
      author: doc.author,
      published: doc.published,
      sourceFile: `articles/${copyName}`,
      format: doc.format,
      ...doc.details,
      contentHash: doc.contentHash,
      wordCount: doc.wordCount,
      charCount: doc.text.length,
      tags: uniqueTags(doc.tags),
      progress: 0,
      highlightCount: 0,
      createdAt: now,
      updatedAt: now,
      deleted: false,
      ...pdfFields(doc),
    };
    // The copy and the cached text are written side by side: their fsyncs overlap. Both have ended before
    // a failure is cleaned up, so nothing is written after it.
    const [copied, cached] = await Promise.allSettled([
      atomicWrite(copyPath, bytes, this.store.libraryPath),
      this.writeContent(id, doc),
    ]);
    const failed = [copied, cached].find((settled) => settled.status === 'rejected');
    if (failed) {
      await rm(copyPath, { force: true });
      await this.store.purgeArticleData(id).catch(() => undefined);
      const reason = (failed.reason as Error).message;
      throw new GlossError('io', `Could not save “${name}” into the library: ${reason}`);
    }
    // Acknowledged once on disk: the search index follows the change feed in the background.
    await this.store.putArticle(article);
    const said = worded(notice('notices.imported', { title: article.title }));
    if (doc.warnings.length === 0) return { status: 'imported', article, ...said };
    return { status: 'imported', article, ...said, warnings: doc.warnings };
  }

  /**
   * Replaces the copy of `article` with a new version of its file and
   * refreshes it like an edit on disk: the text is replaced and every
   * highlight re-anchored (orphans kept).
   */
  private async importNewVersion(article: ArticleMeta, bytes: Uint8Array): Promise<ImportOutcome> {
    await atomicWrite(await this.resolveSource(article), bytes, this.store.libraryPath);
    const report = await this.refreshFromDisk(article.sourceFile);
    const updated = this.store.getArticle(article.id) ?? article;
    return {
      status: 'updated',
      article: updated,
      ...worded(report ?? notice('notices.reimportedSame', { title: updated.title })),
    };
  }

  /** Edits metadata; resolves once on disk. @throws GlossError 'not-found', 'invalid-argument', 'disk-full', 'io'. */
  async update(id: string, patch: ArticlePatch): Promise<ArticleMeta> {
    const current = this.live(id);
    const next: ArticleMeta = {
      ...current,
      ...patch,
      title: patch.title?.normalize('NFC') ?? current.title,
      author: patch.author === undefined ? current.author : patch.author?.normalize('NFC') || null,
      published: patch.published === undefined ? current.published : patch.published || null,
      tags: patch.tags ? uniqueTags(patch.tags) : current.tags,
      updatedAt: new Date().toISOString(),
    };
    await this.store.putArticle(next);
    return this.store.getArticle(id) ?? next;
  }

  /** Tombstones an article; its copy, content and highlights stay until the next start, so it can be restored. */
  async delete(id: string): Promise<ArticleMeta> {
    const article = { ...this.live(id), deleted: true, updatedAt: new Date().toISOString() };
    await this.store.putArticle(article);
    this.deletedThisSession.add(id);
    await this.store.flush();
    return article;
  }

  /** Restores an article deleted in this session. */
  async restore(id: string): Promise<ArticleMeta> {
    const article = this.store.getArticle(id);
    if (!article?.deleted || !this.deletedThisSession.has(id)) {
      throw new GlossError(
        'not-found',
        'That article can no longer be restored (it was deleted in an earlier session).',
      );
    }
    const restored = { ...article, deleted: false, updatedAt: new Date().toISOString() };
    await this.store.putArticle(restored);
    this.deletedThisSession.delete(id);
    await this.store.flush();
    return restored;
  }

  /** Removes the files of articles deleted in earlier sessions (their index tombstones stay). */
  async purgeDeleted(): Promise<void> {
    for (const article of this.store.listArticles({ includeDeleted: true })) {
      if (!article.deleted || this.deletedThisSession.has(article.id)) continue;
      await this.store.purgeArticleData(article.id);
      const copy = await this.resolveSource(article).catch(() => null);
      if (copy) await rm(copy, { force: true });
    }
  }

  /**
   * Re-reads the copy of the article stored at `sourceFile` (library-relative)
   * after it changed on disk. When its text changed, every highlight is
   * re-anchored onto the new text (orphans are kept, flagged), the content is
   * replaced, and a sentence for the user is returned; null when nothing
   * changed or the path is no article's. A copy that vanished or became
   * unreadable changes nothing: the stored text and highlights stay (silently
   * for a password-protected PDF, which cannot be read without its password).
   */
  async refreshFromDisk(sourceFile: string): Promise<Notice | null> {
    const article = this.store.listArticles().find((a) => a.sourceFile === sourceFile);
    if (!article) return null;
    let doc: ImportedDocument;
    try {
      ({ document: doc } = await this.converter.convert(
        await this.readSource(article),
        path.basename(article.sourceFile),
      ));
    } catch (error) {
      // A password-protected copy cannot be read again without its password, which is kept nowhere:
      // its text stays, and a new version comes in by importing it again with the password.
      if (error instanceof GlossError && error.params?.password) return null;
      return notice('notices.changedUnreadable', { title: article.title, detail: (error as Error).message });
    }
    if (doc.contentHash === article.contentHash) return null;
    const annotations = await this.store.listAnnotations(article.id);
    const { results, report } = reanchorAll(annotations, doc.text);
    // Targets first: re-anchoring them again onto the same text is a no-op if we stop halfway.
    await this.store.replaceTargets(
      article.id,
      results.map(({ id, target, orphaned }) => ({ id, target, orphaned })),
    );
    await this.writeContent(article.id, doc);
    const next: ArticleMeta = {
      ...article,
      contentHash: doc.contentHash,
      wordCount: doc.wordCount,
      charCount: doc.text.length,
      updatedAt: new Date().toISOString(),
      ...pdfFields(doc),
    };
    await this.store.putArticle(next);
    return describeReanchoring(article.title, report);
  }

  /**
   * Absolute path of an article's copy.
   * @throws GlossError('forbidden') when its path would leave the library (.., absolute, NUL) or goes through a symlink.
   */
  resolveSource(article: ArticleMeta): Promise<string> {
    return resolveInLibrary(this.store.libraryPath, article.sourceFile);
  }

  /** The bytes of an article's copy, following no link. */
  private async readSource(article: ArticleMeta): Promise<Buffer> {
    return (await readFileNoFollow(await this.resolveSource(article), this.store.libraryPath)).bytes;
  }

  /** The canonical text and blocks of an article: from the cache, the store, or rebuilt from its copy. */
  private async content(article: ArticleMeta): Promise<Content> {
    return (await this.store.readContent(article.id)) ?? (await this.rebuildContent(article));
  }

  private async writeContent(id: string, doc: Content & { contentHash: string }): Promise<void> {
    const content: Content = doc.pages
      ? { text: doc.text, blocks: doc.blocks, pages: doc.pages }
      : { text: doc.text, blocks: doc.blocks };
    await this.store.writeContent(id, content, doc.contentHash);
  }

  private live(id: string): ArticleMeta {
    const article = this.store.getArticle(id);
    if (!article || article.deleted) throw new GlossError('not-found', 'That article is not in the library.');
    return article;
  }

  private async rebuildContent(article: ArticleMeta): Promise<Content> {
    let doc: ImportedDocument;
    try {
      ({ document: doc } = await this.converter.convert(
        await this.readSource(article),
        path.basename(article.sourceFile),
      ));
    } catch (error) {
      throw new GlossError(
        'damaged',
        `The text of “${article.title}” is missing and its copy ${article.sourceFile} cannot be read: ${(error as Error).message}`,
      );
    }
    await this.writeContent(article.id, doc);
    return doc;
  }
}

import { randomUUID } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import { countWords } from '../../../shared/text/canonical';
import { atomicWrite } from '../fs/atomic-write';
import { readFileNoFollow } from '../fs/no-follow';
import type { ImportedDocument } from '../import/convert';
import type { ImportConverter } from '../import/import-converter';
import type { LibraryStore, LostArticle } from '../store';
import { copyFileName, uniqueFileName } from './file-names';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** A temporary file of an interrupted write, never a copy. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** One copy in `articles/` identified by converting it again. */
interface Copy {
  /** `articles/<name>`. */
  sourceFile: string;
  mtime: Date;
  doc: Omit<ImportedDocument, 'text' | 'blocks'> & { charCount: number };
}

/** The copies in `articles/` (regular files only, links and temporary files skipped), by name. */
async function copyNames(articlesDir: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of (await readdir(articlesDir)).sort()) {
    if (name.startsWith('.') || TEMP_NAME.test(name)) continue;
    if ((await lstat(path.join(articlesDir, name))).isFile()) names.push(name);
  }
  return names;
}

/** Whether every live highlight of `lost` quotes `text` exactly where it says. */
function quotesMatch(lost: LostArticle, text: string): boolean {
  const live = lost.annotations.filter((a) => !a.deleted && !a.orphaned);
  return (
    live.length > 0 &&
    live.every(({ target }) => text.slice(target.position.start, target.position.end) === target.quote.exact)
  );
}

/** The earliest creation time among the highlights, else `fallback`. */
function firstCreated(annotations: Annotation[], fallback: Date): string {
  const times = annotations.map((a) => a.createdAt).sort();
  return times[0] ?? fallback.toISOString();
}

function record(id: string, copy: Copy, annotations: Annotation[]): ArticleMeta {
  const { doc } = copy;
  return {
    id,
    title: doc.title,
    author: doc.author,
    published: doc.published,
    sourceFile: copy.sourceFile,
    format: doc.format,
    ...doc.details,
    contentHash: doc.contentHash,
    wordCount: doc.wordCount,
    charCount: doc.charCount,
    tags: [],
    progress: 0,
    highlightCount: annotations.filter((a) => !a.deleted).length,
    createdAt: firstCreated(annotations, copy.mtime),
    updatedAt: new Date().toISOString(),
    deleted: false,
  };
}

/**
 * When the store opened without an index (library.json and every backup of
 * it missing or damaged), rebuilds it from what the library holds: each
 * article whose highlights or cached text are in `.gloss` gets its id back,
 * matched to its copy in `articles/` by the hash of its text (or, with no
 * cached text, by its highlights' quotes); title, author and date are read
 * again from the copy; a cached text with no copy left is saved as a new
 * plain-text copy; copies no article claims are added as new articles; the
 * tags of highlights are registered. Tells the user what was rebuilt and
 * what could not be (edited titles, article tags, reading positions,
 * settings). Does nothing for a library that has no files yet.
 * @throws GlossError 'io', 'disk-full' when the rebuilt index cannot be saved.
 */
export async function rebuildLostIndex(store: LibraryStore, converter: ImportConverter): Promise<void> {
  if (!store.startedWithoutIndex || store.listArticles({ includeDeleted: true }).length > 0) return;
  const root = store.libraryPath;
  const articlesDir = path.join(root, 'articles');
  const lost = await store.findLostArticles();
  const names = await copyNames(articlesDir);
  if (lost.length === 0 && names.length === 0) return;
  const byHash = new Map(lost.filter((a) => a.content).map((a) => [a.content?.hash, a]));
  const withoutText = lost.filter((a) => !a.content);
  const claimed = new Map<string, Copy>();
  const added: ArticleMeta[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    const sourceFile = `articles/${name}`;
    let converted: ImportedDocument;
    let mtime: Date;
    try {
      const read = await readFileNoFollow(path.join(articlesDir, name), root);
      mtime = new Date(read.mtimeMs);
      ({ document: converted } = await converter.convert(read.bytes, name));
    } catch {
      unreadable.push(sourceFile);
      continue;
    }
    const { text, blocks, ...rest } = converted;
    const copy: Copy = { sourceFile, mtime, doc: { ...rest, charCount: text.length } };
    const owner =
      byHash.get(converted.contentHash) ??
      withoutText.find((a) => !claimed.has(a.id) && quotesMatch(a, text));
    if (owner && !claimed.has(owner.id)) {
      if (!owner.content) await store.writeContent(owner.id, { text, blocks });
      claimed.set(owner.id, copy);
    } else {
      const id = randomUUID();
      await store.writeContent(id, { text, blocks });
      added.push(record(id, copy, []));
    }
  }
  const recovered: ArticleMeta[] = [];
  const rewritten: string[] = [];
  const textless: LostArticle[] = [];
  for (const article of lost) {
    let copy = claimed.get(article.id);
    if (!copy && article.content) {
      copy = await copyFromCache(store, article);
      if (copy) rewritten.push(copy.sourceFile);
    }
    if (copy) recovered.push(record(article.id, copy, article.annotations));
    else textless.push(article);
  }
  await Promise.all([...recovered, ...added].map((meta) => store.putArticle(meta)));
  await store.listTags();
  await store.flush();
  for (const said of describeRebuild(store, recovered, added, rewritten, textless, unreadable)) {
    store.addNotice(said);
  }
}

/** Saves an article's cached text as a new plain-text copy; undefined when the cache cannot be read. */
async function copyFromCache(store: LibraryStore, lost: LostArticle): Promise<Copy | undefined> {
  const content = lost.content && (await store.readContent(lost.id));
  if (!lost.content || !content) return undefined;
  const firstLine = content.text.trim().split('\n', 1)[0]?.slice(0, 80).trim() || 'Recovered article';
  const articlesDir = path.join(store.libraryPath, 'articles');
  const name = await uniqueFileName(articlesDir, copyFileName(`${firstLine}.txt`));
  await atomicWrite(path.join(articlesDir, name), content.text, store.libraryPath);
  return {
    sourceFile: `articles/${name}`,
    mtime: new Date(),
    doc: {
      format: 'txt',
      title: firstLine,
      author: null,
      published: null,
      tags: [],
      wordCount: countWords(content.text),
      contentHash: lost.content.hash,
      encoding: 'utf-8',
      warnings: [],
      details: {},
      charCount: content.text.length,
    },
  };
}

/** The notices for the user after a rebuild: what came back, what is new, what could not be recovered. */
function describeRebuild(
  store: LibraryStore,
  recovered: ArticleMeta[],
  added: ArticleMeta[],
  rewritten: string[],
  textless: LostArticle[],
  unreadable: string[],
): Notice[] {
  const glossDir = path.join(store.libraryPath, '.gloss');
  const notices = [
    notice('notices.rebuilt', {
      file: path.join(glossDir, 'library.json'),
      articles: recovered.length,
      highlights: recovered.reduce((sum, meta) => sum + meta.highlightCount, 0),
      added: added.length,
    }),
  ];
  if (rewritten.length > 0) {
    notices.push(notice('notices.rebuiltCopies', { count: rewritten.length, files: rewritten.join(', ') }));
  }
  if (textless.length > 0) {
    notices.push(
      notice('notices.rebuiltTextless', {
        count: textless.reduce((sum, a) => sum + a.annotations.filter((x) => !x.deleted).length, 0),
        articles: textless.length,
        folder: path.join(glossDir, 'annotations'),
        files: textless.map((a) => `${a.id}.json`).join(', '),
      }),
    );
  }
  if (unreadable.length > 0)
    notices.push(notice('notices.rebuiltUnreadable', { files: unreadable.join(', ') }));
  return notices;
}

import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { LibraryService } from '../library/library-service';
import { removeUnnamed, writeStoredIndex, type IndexFiles } from '../search/persist';
import { LibraryStore } from '../store';
import { ARTICLE_TEXT, articleMeta, tempDir } from '../store/testing/fixtures';
import { cacheOf, ownFolder } from '../store/testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const PRECIOUS = 'Tệp của người dùng, ngoài thư viện.\n';

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string, options = {}): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, { ...options });
  open.push(store);
  return store;
}

/** A folder outside the library holding one file the user cares about. */
function outsideFolder(): { dir: string; file: string } {
  const dir = tempDir('gloss-outside-');
  const file = path.join(dir, 'precious.txt');
  writeFileSync(file, PRECIOUS);
  return { dir, file };
}

/** A library with one article, one highlight (shard, journal), its content cache, closed. */
async function savedLibrary(): Promise<string> {
  const dir = tempDir();
  const store = await LibraryStore.open(dir, {});
  store.putArticle(articleMeta());
  await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [] });
  await store.createAnnotation({ articleId: ID, target: describeRange(ARTICLE_TEXT, 0, 3), color: 'red' });
  await store.close();
  return dir;
}

/** Replaces a folder of the library by a link to `target`. */
function linkFolder(dir: string, relative: string, target: string): string {
  const at = path.join(dir, relative);
  rmSync(at, { recursive: true, force: true });
  symlinkSync(target, at, 'dir');
  return at;
}

const refused = (at: string) =>
  expect.objectContaining({
    code: 'forbidden',
    message: expect.stringContaining(`Gloss refused to use ${at}: it is a symbolic link`) as string,
  }) as unknown;

describe('symbolic links inside the library are refused, and nothing outside is touched', () => {
  it.each(['articles', '.gloss', '.gloss/annotations', '.gloss/content', '.gloss/backups', '.gloss/search'])(
    'refuses to open a library whose %s folder is a link',
    async (folder) => {
      const dir = await savedLibrary();
      const outside = outsideFolder();
      const at = linkFolder(dir, folder, outside.dir);
      await expect(LibraryStore.open(dir)).rejects.toEqual(refused(at));
      expect(readdirSync(outside.dir)).toEqual(['precious.txt']);
    },
  );

  it('articles/: an import refuses a folder swapped for a link after opening, writing nothing outside', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const outside = outsideFolder();
    const at = linkFolder(dir, 'articles', outside.dir);
    const library = new LibraryService(store);
    await expect(library.importBytes(Buffer.from('Sơn Trà.\n'), 'son-tra.txt')).rejects.toEqual(refused(at));
    expect(readdirSync(outside.dir)).toEqual(['precious.txt']);
  });

  it('annotations/: a linked journal is neither read, truncated nor appended to', async () => {
    const dir = await savedLibrary();
    const outside = outsideFolder();
    const journal = path.join(ownFolder(dir), 'annotations', `${ID}.journal`);
    rmSync(journal, { force: true });
    symlinkSync(outside.file, journal);
    const store = await openStore(dir);
    await expect(store.listAnnotations(ID)).rejects.toEqual(refused(journal));
    await expect(
      store.createAnnotation({ articleId: ID, target: describeRange(ARTICLE_TEXT, 4, 7), color: 'red' }),
    ).rejects.toEqual(refused(journal));
    await store.close();
    expect(readFileSync(outside.file, 'utf8')).toBe(PRECIOUS);
  });

  it('annotations/: a linked shard is not read as the article’s highlights', async () => {
    const dir = await savedLibrary();
    const shard = path.join(ownFolder(dir), 'annotations', `${ID}.json`);
    const outside = outsideFolder();
    const elsewhere = path.join(outside.dir, 'shard.json');
    renameSync(shard, elsewhere);
    symlinkSync(elsewhere, shard);
    const store = await openStore(dir);
    await expect(store.listAnnotations(ID)).rejects.toEqual(refused(shard));
  });

  it('content/: a linked content cache is not read as the article’s text', async () => {
    const dir = await savedLibrary();
    const cache = path.join(cacheOf(dir), 'content', `${ID}.json`);
    const outside = outsideFolder();
    const elsewhere = path.join(outside.dir, 'content.json');
    writeFileSync(
      elsewhere,
      JSON.stringify({ schemaVersion: 1, text: 'Văn bản từ ngoài thư viện', blocks: [] }),
    );
    rmSync(cache);
    symlinkSync(elsewhere, cache);
    const store = await openStore(dir);
    await expect(store.readContent(ID)).rejects.toEqual(refused(cache));
  });

  it('backups/: backups are neither written nor rotated through a linked folder', async () => {
    const dir = await savedLibrary();
    const outside = outsideFolder();
    const old = '2000-01-01T00-00-00.000Z.json';
    writeFileSync(path.join(outside.dir, old), '{}');
    const at = linkFolder(cacheOf(dir), `backups/annotations/${ID}`, outside.dir);
    const store = await openStore(dir, { backupIntervalMs: 0, backupsToKeep: 1 });
    await store.setArticleNote(ID, 'ghi chú');
    await store.close();
    expect(
      store
        .takeNotices()
        .map((n) => n.message)
        .join('\n'),
    ).toContain(`Gloss refused to use ${at}: it is a symbolic link`);
    expect(readdirSync(outside.dir).sort()).toEqual([old, 'precious.txt']);
  });

  it('backups/: a link an older Gloss’s backups held in the library is moved out with them, never followed', async () => {
    const dir = await savedLibrary();
    const cache = cacheOf(dir);
    rmSync(path.dirname(cache), { recursive: true });
    const outside = outsideFolder();
    mkdirSync(path.join(dir, '.gloss', 'backups', 'annotations'), { recursive: true });
    linkFolder(dir, `.gloss/backups/annotations/${ID}`, outside.dir);
    const store = await openStore(dir, { backupIntervalMs: 0, backupsToKeep: 1 });
    await store.setArticleNote(ID, 'ghi chú');
    await store.close();
    expect(
      store
        .takeNotices()
        .map((n) => n.message)
        .join('\n'),
    ).toContain(`Gloss refused to use ${path.join(store.cacheDir, 'backups', 'annotations', ID)}`);
    expect(readdirSync(outside.dir)).toEqual(['precious.txt']);
  });

  it('search/: the index is neither written into nor cleaned out of a linked folder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.gloss', 'search'), { recursive: true });
    const outside = outsideFolder();
    const at = linkFolder(dir, '.gloss/search/v2', outside.dir);
    await expect(writeStoredIndex(at, { indexJson: '{}', docsJson: '{}' })).rejects.toEqual(refused(at));
    const files = {
      index: { file: 'index-a.json' },
      docs: { file: 'docs-a.json' },
      log: { file: 'log-a.jsonl' },
    } as unknown as IndexFiles;
    await expect(removeUnnamed(at, files)).rejects.toEqual(refused(at));
    expect(readdirSync(outside.dir)).toEqual(['precious.txt']);
  });
});

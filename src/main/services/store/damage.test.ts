import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { GlossError } from '../../../shared/result';
import { LibraryStore, type LibraryStoreOptions } from './library-store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';
import { cacheOf, ownFolder } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, { backupIntervalMs: 0, ...options });
  open.push(store);
  return store;
}

/** A closed library with one article and one highlight, each file backed up once. */
async function savedLibrary(): Promise<{ dir: string; highlightId: string }> {
  const dir = tempDir();
  const store = await openStore(dir);
  store.putArticle(articleMeta());
  const created = await store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, 0, 7),
    color: 'yellow',
    note: 'giữ lại',
  });
  await store.close();
  return { dir, highlightId: created.id };
}

const validLibrary = JSON.stringify({
  schemaVersion: 1,
  articles: [articleMeta()],
  tags: [],
  settings: { theme: 'light', font: 'serif', fontSize: 19 },
});

const damage: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['truncated', Buffer.from(validLibrary.slice(0, validLibrary.length / 2))],
  ['NUL bytes', Buffer.alloc(4096)],
  ['invalid JSON', Buffer.from('{"schemaVersion": 1, "articles": [,]}')],
  ['schema-invalid', Buffer.from(validLibrary.replace('"format":"txt"', '"format":"docx"'))],
];

function asideFiles(dir: string, name: string): string[] {
  return readdirSync(dir).filter((file) => file.startsWith(`${name}.damaged-`));
}

describe('damaged files', () => {
  it.each(damage)(
    'library.json %s: moved aside untouched, newest valid backup restored, the user told',
    async (_name, bytes) => {
      const { dir } = await savedLibrary();
      const glossDir = cacheOf(dir);
      writeFileSync(path.join(ownFolder(dir), 'library.json'), bytes);

      const store = await openStore(dir);
      expect(store.getArticle(ID)?.title).toBe('Khảo sát Sơn Trà');
      const [aside] = asideFiles(ownFolder(dir), 'library.json');
      expect(aside).toBeDefined();
      expect(readFileSync(path.join(ownFolder(dir), aside as string))).toEqual(bytes);
      const notices = store.takeNotices().map((n) => n.message);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(path.join(ownFolder(dir), aside as string));
      expect(notices[0]).toContain(path.join(glossDir, 'backups', 'library'));
      expect(store.takeNotices().map((n) => n.message)).toEqual([]);
      expect(JSON.parse(readFileSync(path.join(ownFolder(dir), 'library.json'), 'utf8'))).toMatchObject({
        articles: [expect.objectContaining({ id: ID })],
      });
    },
  );

  it.each(damage)(
    'a shard %s: moved aside untouched, backup restored, the user told',
    async (_name, bytes) => {
      const { dir, highlightId } = await savedLibrary();
      const shardDir = path.join(ownFolder(dir), 'annotations');
      writeFileSync(path.join(shardDir, `${ID}.json`), bytes);

      const store = await openStore(dir);
      expect(await store.listAnnotations(ID)).toEqual([
        expect.objectContaining({ id: highlightId, note: 'giữ lại' }),
      ]);
      const [aside] = asideFiles(shardDir, `${ID}.json`);
      expect(readFileSync(path.join(shardDir, aside as string))).toEqual(bytes);
      const [notice] = store.takeNotices().map((n) => n.message);
      expect(notice).toContain('“Khảo sát Sơn Trà”');
      expect(notice).toContain(path.join(shardDir, aside as string));
    },
  );

  it('without a valid backup, starts empty beside the damaged file and says so', async () => {
    const { dir } = await savedLibrary();
    const glossDir = cacheOf(dir);
    rmSync(path.join(glossDir, 'backups'), { recursive: true });
    writeFileSync(path.join(ownFolder(dir), 'library.json'), '{"schemaVersion":');

    const store = await openStore(dir);
    expect(store.listArticles()).toEqual([]);
    expect(store.takeNotices().map((n) => n.message)[0]).toMatch(/No valid backup was found/);
    expect(
      readFileSync(
        path.join(ownFolder(dir), asideFiles(ownFolder(dir), 'library.json')[0] as string),
        'utf8',
      ),
    ).toBe('{"schemaVersion":');
    expect(existsSync(path.join(ownFolder(dir), 'library.json'))).toBe(false);
  });

  it('skips a damaged backup and restores the newest valid one', async () => {
    const { dir } = await savedLibrary();
    const later = await openStore(dir);
    later.updateSettings({ fontSize: 24 });
    await later.close();
    const glossDir = cacheOf(dir);
    const backups = path.join(glossDir, 'backups', 'library');
    expect(readdirSync(backups).length).toBeGreaterThanOrEqual(2);
    const newest = readdirSync(backups).sort().at(-1) as string;
    writeFileSync(path.join(backups, newest), Buffer.alloc(64));
    writeFileSync(path.join(ownFolder(dir), 'library.json'), '');

    const store = await openStore(dir);
    expect(store.getArticle(ID)).toBeDefined();
    expect(store.getSettings().fontSize).toBe(19);
    expect(store.takeNotices().map((n) => n.message)[0]).not.toContain(newest);
  });

  it('restores a missing library.json from its backups and says so', async () => {
    const { dir } = await savedLibrary();
    rmSync(path.join(ownFolder(dir), 'library.json'));
    const store = await openStore(dir);
    expect(store.getArticle(ID)).toBeDefined();
    expect(store.takeNotices().map((n) => n.message)[0]).toMatch(/was missing/);
  });

  it('moves a damaged content cache aside and reports it missing, so it can be rebuilt', async () => {
    const { dir } = await savedLibrary();
    const contentDir = path.join(cacheOf(dir), 'content');
    writeFileSync(path.join(contentDir, `${ID}.json`), '{"text": 5}');
    const store = await openStore(dir);
    expect(await store.readContent(ID)).toBeUndefined();
    expect(asideFiles(contentDir, `${ID}.json`)).toHaveLength(1);
    expect(store.takeNotices().map((n) => n.message)[0]).toMatch(/cached text of “Khảo sát Sơn Trà” damaged/);
  });
});

describe('files from a newer Gloss', () => {
  it('refuses library.json with a newer schemaVersion and leaves it byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const file = path.join(ownFolder(dir), 'library.json');
    const bytes = Buffer.from(validLibrary.replace('"schemaVersion":1', '"schemaVersion":7'));
    await (await openStore(dir)).close();
    writeFileSync(file, bytes);

    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await LibraryStore.open(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GlossError);
      expect(error).toMatchObject({ code: 'newer-schema', message: expect.stringContaining(file) });
    }
    expect(readFileSync(file)).toEqual(bytes);
    expect(readdirSync(ownFolder(dir)).sort()).toEqual(['annotations', 'library-id.json', 'library.json']);
  });

  it('refuses a newer shard on access and leaves it unchanged', async () => {
    const { dir } = await savedLibrary();
    const file = path.join(ownFolder(dir), 'annotations', `${ID}.json`);
    const bytes = Buffer.from(readFileSync(file, 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 2'));
    writeFileSync(file, bytes);
    const store = await openStore(dir);
    await expect(store.listAnnotations(ID)).rejects.toMatchObject({ code: 'newer-schema' });
    await store.close();
    expect(readFileSync(file)).toEqual(bytes);
  });
});

describe('backups', () => {
  it('keeps the newest N validated backups of a file and rotates older ones out', async () => {
    const dir = tempDir();
    const store = await openStore(dir, { backupsToKeep: 3 });
    store.putArticle(articleMeta());
    for (let size = 12; size < 18; size++) {
      store.updateSettings({ fontSize: size });
      await store.flush();
    }
    const backups = path.join(cacheOf(dir), 'backups', 'library');
    const names = readdirSync(backups).sort();
    expect(names).toHaveLength(3);
    const sizes = names.map(
      (name) => JSON.parse(readFileSync(path.join(backups, name), 'utf8')).settings.fontSize,
    );
    expect(sizes).toEqual([15, 16, 17]);
  });

  it('backs a file up at most once per interval', async () => {
    const dir = tempDir();
    const store = await openStore(dir, { backupIntervalMs: 60_000 });
    for (let size = 12; size < 16; size++) {
      store.updateSettings({ fontSize: size });
      await store.flush();
    }
    expect(readdirSync(path.join(cacheOf(dir), 'backups', 'library'))).toHaveLength(1);
  });
});

import { cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import type { GlossError } from '../../../shared/result';
import { textHash } from './content-cache';
import { LibraryStore, type LibraryStoreOptions } from './library-store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';
import { lockFileOf, ownFolder } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const OTHER = '9f6b2a1e-53d4-4c8e-8a1f-0e2d3c4b5a69';

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, { ...options });
  open.push(store);
  return store;
}

/** A library holding the test article (and optionally a second one). */
async function libraryWithArticles(options: LibraryStoreOptions = {}, ...extra: string[]) {
  const dir = tempDir();
  const store = await openStore(dir, options);
  store.putArticle(articleMeta());
  for (const id of extra) store.putArticle(articleMeta({ id, title: `Bài ${id.slice(0, 4)}` }));
  return { dir, store };
}

function target(start: number, end: number) {
  return describeRange(ARTICLE_TEXT, start, end);
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<GlossError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error as GlossError;
  }
  throw new Error('expected a rejection');
}

describe('LibraryStore: round trips', () => {
  it('creates the library folders and keeps articles, highlights, notes, tags and settings across a reopen', async () => {
    const { dir, store } = await libraryWithArticles();
    expect(existsSync(path.join(dir, 'articles'))).toBe(true);
    const late = await store.createAnnotation({ articleId: ID, target: target(20, 30), color: 'green' });
    const early = await store.createAnnotation({
      articleId: ID,
      target: target(0, 7),
      color: 'yellow',
      note: 'Bán đảo **đẹp**',
      tags: ['Địa lý'],
    });
    await store.updateAnnotation(ID, late.id, { color: 'blue', note: 'sửa' });
    await store.setArticleNote(ID, '# Ghi chú\n\nMột bài hay.');
    store.updateSettings({ theme: 'sepia', fontSize: 22 });
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [{ kind: 'p', start: 0, end: 57 }] });
    await store.close();

    const again = await openStore(dir);
    const listed = await again.listAnnotations(ID);
    expect(listed.map((a) => a.id)).toEqual([early.id, late.id]);
    expect(listed[0]).toMatchObject({
      note: 'Bán đảo **đẹp**',
      tags: ['Địa lý'],
      color: 'yellow',
      orphaned: false,
    });
    expect(listed[0]?.target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Sơn Trà',
      prefix: '',
      suffix: ARTICLE_TEXT.slice(7, 39),
    });
    expect(listed[1]).toMatchObject({ color: 'blue', note: 'sửa' });
    expect(await again.getArticleNote(ID)).toBe('# Ghi chú\n\nMột bài hay.');
    expect(again.getSettings()).toEqual({ theme: 'sepia', font: 'serif', fontSize: 22 });
    expect(again.getArticle(ID)).toMatchObject({ title: 'Khảo sát Sơn Trà', highlightCount: 2 });
    expect(await again.readContent(ID)).toEqual({
      text: ARTICLE_TEXT,
      blocks: [{ kind: 'p', start: 0, end: 57 }],
    });
    expect(again.takeNotices().map((n) => n.message)).toEqual([]);
  });

  it('writes each article to its own shard and library.json as plain JSON a person can read', async () => {
    const { dir, store } = await libraryWithArticles({}, OTHER);
    await store.createAnnotation({ articleId: OTHER, target: target(0, 3), color: 'red' });
    await store.close();
    const shard = readJson(path.join(ownFolder(dir), 'annotations', `${OTHER}.json`)) as Record<
      string,
      unknown
    >;
    expect(shard).toMatchObject({ schemaVersion: 1, articleId: OTHER, note: '' });
    expect(existsSync(path.join(ownFolder(dir), 'annotations', `${ID}.json`))).toBe(false);
    const library = readJson(path.join(ownFolder(dir), 'library.json')) as { articles: unknown[] };
    expect(library.articles).toHaveLength(2);
  });

  it('resolves a create only once its highlight is in the journal on disk, concurrent ones sharing a sync', async () => {
    const { dir, store } = await libraryWithArticles();
    const journal = path.join(ownFolder(dir), 'annotations', `${ID}.journal`);
    const onDisk = () => (existsSync(journal) ? readFileSync(journal, 'utf8') : '');
    const first = await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    expect(onDisk()).toContain(first.id);
    const creates = Array.from({ length: 8 }, (_, index) =>
      store
        .createAnnotation({ articleId: ID, target: target(index, index + 1), color: 'red' })
        .then((created) => {
          expect(onDisk()).toContain(created.id);
          return created;
        }),
    );
    const created = await Promise.all(creates);
    const lines = onDisk().split('\n').filter(Boolean);
    // The first write, then at most two more: the eight were batched rather than synced one by one.
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const { id } of created) expect(onDisk()).toContain(id);
    await store.close();
  });

  it('writes a change without a flush, and folds the journal into the shard once quiet', async () => {
    const { dir, store } = await libraryWithArticles({});
    const shard = path.join(ownFolder(dir), 'annotations', `${ID}.json`);
    const journal = path.join(ownFolder(dir), 'annotations', `${ID}.journal`);
    const created = await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    const onDisk = () => [shard, journal].map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''));
    await expect.poll(() => onDisk().join(''), { timeout: 5000 }).toContain(created.id);
    await expect.poll(onDisk, { timeout: 10_000 }).toEqual([expect.stringContaining(created.id), '']);
  });

  it('keeps and validates the content cache, and refuses blocks outside the text', async () => {
    const { store } = await libraryWithArticles();
    expect(await store.readContent(ID)).toBeUndefined();
    const hash = textHash('Sơn Trà');
    expect(store.readCachedText(ID, hash)).toBeUndefined();
    await store.writeContent(ID, { text: 'Sơn Trà', blocks: [] });
    expect(store.readCachedText(ID, hash)).toBe('Sơn Trà');
    expect(store.readCachedText('../../etc/passwd', hash)).toBeUndefined();
    const error = await rejection(
      store.writeContent(ID, { text: 'ngắn', blocks: [{ kind: 'p', start: 0, end: 99 }] }),
    );
    expect(error.code).toBe('invalid-argument');
    await expect(rejection(store.readContent('../../etc/passwd'))).resolves.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('validates articles and settings before keeping them', async () => {
    const { store } = await libraryWithArticles();
    expect(
      (await rejection(() => store.putArticle(articleMeta({ sourceFile: '../outside.txt' })))).code,
    ).toBe('invalid-argument');
    expect((await rejection(() => store.updateSettings({ fontSize: 40 }))).message).toContain('fontSize');
    expect(store.getSettings().fontSize).toBe(19);
  });

  it('keeps the highlight count itself, whatever a caller puts in the record', async () => {
    const { store } = await libraryWithArticles();
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    store.putArticle(articleMeta({ title: 'Tên mới', highlightCount: 40 }));
    expect(store.getArticle(ID)).toMatchObject({ title: 'Tên mới', highlightCount: 1 });
  });

  it('keeps the highlight count through creates, deletes, undo, redo and an import', async () => {
    const { store } = await libraryWithArticles();
    const count = () => store.getArticle(ID)?.highlightCount;
    const a = await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    const b = await store.createAnnotation({ articleId: ID, target: target(4, 7), color: 'red' });
    expect(count()).toBe(2);
    await store.deleteAnnotation(ID, a.id);
    expect(count()).toBe(1);
    await store.createAnnotation({ articleId: ID, target: target(8, 11), color: 'red' });
    expect(count()).toBe(2);
    await store.undo({ articleId: ID });
    expect(count()).toBe(1);
    await store.undo({ articleId: ID });
    expect(count()).toBe(2);
    await store.redo({ articleId: ID });
    expect(count()).toBe(1);
    const imported = { ...b, id: '0d3f5e8a-7b1c-4c2e-9f4a-2b6c8d1e3f50', deleted: false };
    expect(await store.importAnnotations(ID, [imported])).toBe(1);
    expect(count()).toBe(2);
    expect((await store.listAnnotations(ID)).map((annotation) => annotation.id)).toEqual([b.id, imported.id]);
  });

  it('recounts the highlights of shards written after the index, as after a crash', async () => {
    const { dir, store } = await libraryWithArticles({});
    await store.flush();
    const index = path.join(ownFolder(dir), 'library.json');
    const written = readFileSync(index, 'utf8');
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await store.createAnnotation({ articleId: ID, target: target(4, 7), color: 'red' });
    await store.flush();

    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    rmSync(lockFileOf(copy), { recursive: true, force: true });
    // The index as the crashed session last wrote it, an hour before its shards.
    writeFileSync(path.join(ownFolder(copy), 'library.json'), written);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(ownFolder(copy), 'library.json'), hourAgo, hourAgo);
    expect(JSON.parse(written).articles[0].highlightCount).toBe(0);

    const reopened = await openStore(copy);
    expect(reopened.getArticle(ID)?.highlightCount).toBe(2);
  });
});

describe('LibraryStore: tombstones', () => {
  it('keeps a deleted highlight on disk as a tombstone with a later updatedAt, and leaves it out of lists', async () => {
    const { dir, store } = await libraryWithArticles();
    const created = await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const deleted = await store.deleteAnnotation(ID, created.id);
    expect(deleted.deleted).toBe(true);
    expect(deleted.updatedAt > created.updatedAt).toBe(true);
    expect(await store.listAnnotations(ID)).toEqual([]);
    expect(store.getArticle(ID)?.highlightCount).toBe(0);
    expect((await rejection(store.deleteAnnotation(ID, created.id))).code).toBe('not-found');
    expect((await rejection(store.updateAnnotation(ID, created.id, { note: 'x' }))).code).toBe('not-found');
    await store.close();
    const shard = readJson(path.join(ownFolder(dir), 'annotations', `${ID}.json`)) as {
      annotations: unknown[];
    };
    expect(shard.annotations).toEqual([expect.objectContaining({ id: created.id, deleted: true })]);
  });

  it('lists only the highlights overlapping a range when asked, in document order', async () => {
    const { store } = await libraryWithArticles();
    const early = await store.createAnnotation({ articleId: ID, target: target(0, 4), color: 'red' });
    const across = await store.createAnnotation({ articleId: ID, target: target(8, 20), color: 'blue' });
    const inside = await store.createAnnotation({ articleId: ID, target: target(12, 14), color: 'green' });
    const late = await store.createAnnotation({ articleId: ID, target: target(30, 35), color: 'gray' });
    const ids = async (range?: { start: number; end: number }) =>
      (await store.listAnnotations(ID, { range })).map((a) => a.id);
    expect(await ids({ start: 10, end: 16 })).toEqual([across.id, inside.id]);
    // A highlight touching the range's edge without overlapping it is left out.
    expect(await ids({ start: 4, end: 8 })).toEqual([]);
    expect(await ids({ start: 3, end: 31 })).toEqual([early.id, across.id, inside.id, late.id]);
    expect(await ids()).toEqual([early.id, across.id, inside.id, late.id]);
  });

  it('lists only the live highlights among given ids, in document order', async () => {
    const { store } = await libraryWithArticles();
    const late = await store.createAnnotation({ articleId: ID, target: target(30, 35), color: 'gray' });
    const early = await store.createAnnotation({ articleId: ID, target: target(0, 4), color: 'red' });
    const gone = await store.createAnnotation({ articleId: ID, target: target(8, 20), color: 'blue' });
    await store.createAnnotation({ articleId: ID, target: target(12, 14), color: 'green' });
    await store.deleteAnnotation(ID, gone.id);
    const listed = await store.listAnnotations(ID, { ids: [late.id, gone.id, early.id, OTHER] });
    expect(listed.map((a) => a.id)).toEqual([early.id, late.id]);
  });

  it('lists a deleted article only when asked, and refuses new highlights on it', async () => {
    const { store } = await libraryWithArticles({}, OTHER);
    store.putArticle(articleMeta({ id: OTHER, deleted: true }));
    expect(store.listArticles().map((a) => a.id)).toEqual([ID]);
    expect(store.listArticles({ includeDeleted: true }).map((a) => a.id)).toEqual([ID, OTHER]);
    const error = await rejection(
      store.createAnnotation({ articleId: OTHER, target: target(0, 3), color: 'red' }),
    );
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('deleted');
  });

  it('purges an article’s shard, backups and text for good while the index keeps its tombstone', async () => {
    const { dir, store } = await libraryWithArticles({ backupIntervalMs: 0 });
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [] });
    await store.flush();
    expect(existsSync(path.join(store.cacheDir, 'content', `${ID}.json`))).toBe(true);
    store.putArticle(articleMeta({ deleted: true }));
    await store.purgeArticleData(ID);
    expect(existsSync(path.join(ownFolder(dir), 'annotations', `${ID}.json`))).toBe(false);
    expect(existsSync(path.join(store.cacheDir, 'content', `${ID}.json`))).toBe(false);
    expect(existsSync(path.join(store.cacheDir, 'backups', 'annotations', ID))).toBe(false);
    expect(store.getArticle(ID)).toMatchObject({ deleted: true, highlightCount: 0 });
    expect(await store.undo()).toBeNull();
  });
});

describe('LibraryStore: undo and redo', () => {
  it('undoes and redoes create, edit and delete, newest first, and saves the result', async () => {
    const { dir, store } = await libraryWithArticles();
    const created = await store.createAnnotation({
      articleId: ID,
      target: target(0, 3),
      color: 'red',
      note: 'một',
    });
    await store.updateAnnotation(ID, created.id, { note: 'hai', tags: ['x'] });
    await store.deleteAnnotation(ID, created.id);

    expect(await store.undo()).toMatchObject({
      label: 'Undid: highlight “Sơn” deleted',
      what: { key: 'undo.highlightDeleted', params: { quote: '“Sơn”' } },
      articleId: ID,
      entry: 3,
    });
    expect(await store.listAnnotations(ID)).toEqual([expect.objectContaining({ note: 'hai', tags: ['x'] })]);
    expect(await store.undo()).toMatchObject({
      label: 'Undid: highlight “Sơn” edited',
      articleId: ID,
      entry: 2,
    });
    expect(await store.listAnnotations(ID)).toEqual([expect.objectContaining({ note: 'một', tags: [] })]);
    expect(await store.undo()).toMatchObject({
      label: 'Undid: highlight “Sơn” added',
      articleId: ID,
      entry: 1,
    });
    expect(await store.listAnnotations(ID)).toEqual([]);
    expect(store.getArticle(ID)?.highlightCount).toBe(0);
    expect(await store.undo()).toBeNull();

    expect(await store.redo()).toMatchObject({
      label: 'Redid: highlight “Sơn” added',
      articleId: ID,
      entry: 1,
    });
    expect(await store.redo()).toMatchObject({
      label: 'Redid: highlight “Sơn” edited',
      articleId: ID,
      entry: 2,
    });
    expect(await store.listAnnotations(ID)).toEqual([expect.objectContaining({ note: 'hai' })]);
    await store.close();

    const again = await openStore(dir);
    expect(await again.listAnnotations(ID)).toEqual([
      expect.objectContaining({ id: created.id, note: 'hai' }),
    ]);
  });

  it('forgets what was undone once a new change is made', async () => {
    const { store } = await libraryWithArticles();
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await store.undo();
    await store.createAnnotation({ articleId: ID, target: target(4, 7), color: 'blue' });
    expect(await store.redo()).toBeNull();
  });

  it('does not record an edit that changes nothing', async () => {
    const { store } = await libraryWithArticles();
    const created = await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await store.updateAnnotation(ID, created.id, { color: 'red' });
    expect(await store.undo()).toMatchObject({ label: 'Undid: highlight “Sơn” added', articleId: ID });
  });
});

describe('LibraryStore: tags', () => {
  it('normalises names to NFC, uses the registry’s spelling and registers tags used anywhere', async () => {
    const { store } = await libraryWithArticles();
    store.createTag('Sơn Trà', '#2a7f62');
    const nfd = 'sơn trà'.normalize('NFD');
    const created = await store.createAnnotation({
      articleId: ID,
      target: target(0, 3),
      color: 'red',
      tags: [`  ${nfd} `, 'SƠN TRÀ', 'Đà Nẵng'],
    });
    expect(created.tags).toEqual(['Sơn Trà', 'Đà Nẵng']);
    store.putArticle(articleMeta({ tags: ['đà nẵng', 'du lịch'] }));
    expect(store.getArticle(ID)?.tags).toEqual(['Đà Nẵng', 'du lịch']);
    expect(await store.listTags()).toEqual([
      { name: 'Đà Nẵng', color: null, count: 2 },
      { name: 'du lịch', color: null, count: 1 },
      { name: 'Sơn Trà', color: '#2a7f62', count: 1 },
    ]);
  });

  it('registers a tag found in a shard edited by hand', async () => {
    const { dir, store } = await libraryWithArticles();
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await store.close();
    const file = path.join(ownFolder(dir), 'annotations', `${ID}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"tags": []', '"tags": ["viết tay"]'));
    const again = await openStore(dir);
    expect(await again.listTags()).toEqual([{ name: 'viết tay', color: null, count: 1 }]);
  });

  it('refuses a duplicate (any case), an empty name and a bad colour', async () => {
    const { store } = await libraryWithArticles();
    await store.createTag('Địa lý');
    expect((await rejection(() => store.createTag('ĐỊA LÝ'))).code).toBe('conflict');
    expect((await rejection(() => store.createTag('   '))).code).toBe('invalid-argument');
    expect((await rejection(() => store.createTag('a\nb'))).code).toBe('invalid-argument');
    expect((await rejection(() => store.recolorTag('địa lý', 'red; background: url(x)'))).code).toBe(
      'invalid-argument',
    );
    expect(await store.recolorTag('địa lý', 'green')).toEqual({ name: 'Địa lý', color: 'green' });
    expect((await rejection(() => store.recolorTag('không có', null))).code).toBe('not-found');
  });

  it('renames a tag on highlights in every article and on articles, and undoes the rename', async () => {
    const { store } = await libraryWithArticles({}, OTHER);
    const a = await store.createAnnotation({
      articleId: ID,
      target: target(0, 3),
      color: 'red',
      tags: ['cũ'],
    });
    const b = await store.createAnnotation({
      articleId: OTHER,
      target: target(0, 3),
      color: 'red',
      tags: ['cũ', 'y'],
    });
    store.recolorTag('cũ', '#112233');
    store.putArticle(articleMeta({ tags: ['cũ'] }));

    expect(await store.renameTag('CŨ', 'mới')).toEqual({ name: 'mới', color: '#112233' });
    expect((await store.listAnnotations(ID))[0]?.tags).toEqual(['mới']);
    expect((await store.listAnnotations(OTHER))[0]?.tags).toEqual(['mới', 'y']);
    expect(store.getArticle(ID)?.tags).toEqual(['mới']);
    expect((await store.listTags()).map((t) => t.name)).toEqual(['mới', 'y']);

    expect(await store.undo()).toMatchObject({
      label: 'Undid: tag “cũ” renamed to “mới”',
      articleId: null,
      entry: 3,
    });
    expect((await store.listAnnotations(ID))[0]).toMatchObject({ id: a.id, tags: ['cũ'] });
    expect((await store.listAnnotations(OTHER))[0]).toMatchObject({ id: b.id, tags: ['cũ', 'y'] });
    expect(store.getArticle(ID)?.tags).toEqual(['cũ']);
    expect(await store.listTags()).toEqual([
      { name: 'cũ', color: '#112233', count: 3 },
      { name: 'y', color: null, count: 1 },
    ]);
    expect(await store.redo()).toMatchObject({
      label: 'Redid: tag “cũ” renamed to “mới”',
      articleId: null,
      entry: 3,
    });
    expect((await store.listAnnotations(OTHER))[0]?.tags).toEqual(['mới', 'y']);
  });

  it('merges when renaming onto an existing name in another case, without duplicates, and undoes the merge', async () => {
    const { store } = await libraryWithArticles();
    store.createTag('Lịch sử', 'purple');
    await store.createAnnotation({
      articleId: ID,
      target: target(0, 3),
      color: 'red',
      tags: ['sử', 'Lịch sử'],
    });
    await store.createAnnotation({ articleId: ID, target: target(4, 7), color: 'red', tags: ['sử'] });

    expect(await store.renameTag('sử', 'LỊCH SỬ')).toEqual({ name: 'Lịch sử', color: 'purple' });
    expect((await store.listAnnotations(ID)).map((a) => a.tags)).toEqual([['Lịch sử'], ['Lịch sử']]);
    expect(await store.listTags()).toEqual([{ name: 'Lịch sử', color: 'purple', count: 2 }]);

    expect((await store.undo())?.label).toBe('Undid: tag “sử” merged into “Lịch sử”');
    expect((await store.listAnnotations(ID)).map((a) => a.tags)).toEqual([['sử', 'Lịch sử'], ['sử']]);
    expect((await store.listTags()).map((t) => [t.name, t.count])).toEqual([
      ['Lịch sử', 1],
      ['sử', 2],
    ]);
  });

  it('respells a tag when only the case changes, and undo restores the old spelling', async () => {
    const { store } = await libraryWithArticles();
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red', tags: ['hue'] });
    expect(await store.renameTag('hue', 'Huế'.normalize('NFD'))).toEqual({ name: 'Huế', color: null });
    expect(await store.renameTag('huế', 'HUẾ')).toEqual({ name: 'HUẾ', color: null });
    expect((await store.listAnnotations(ID))[0]?.tags).toEqual(['HUẾ']);
    await store.undo();
    expect((await store.listAnnotations(ID))[0]?.tags).toEqual(['Huế']);
    expect((await store.listTags()).map((t) => t.name)).toEqual(['Huế']);
  });

  it('deletes a tag from the registry, highlights and articles, and undo brings it back with its colour', async () => {
    const { store } = await libraryWithArticles();
    store.createTag('xoá', 'orange');
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red', tags: ['xoá', 'giữ'] });
    store.putArticle(articleMeta({ tags: ['xoá'] }));
    await store.deleteTag('XOÁ');
    expect((await store.listAnnotations(ID))[0]?.tags).toEqual(['giữ']);
    expect(store.getArticle(ID)?.tags).toEqual([]);
    expect((await store.listTags()).map((t) => t.name)).toEqual(['giữ']);
    expect((await store.undo())?.label).toBe('Undid: tag “xoá” deleted');
    expect((await store.listAnnotations(ID))[0]?.tags).toEqual(['xoá', 'giữ']);
    expect(await store.listTags()).toContainEqual({ name: 'xoá', color: 'orange', count: 2 });
  });

  it('lists highlights by tag across articles, leaving out tombstones and deleted articles', async () => {
    const third = 'c56a4180-65aa-42ec-a945-5fd21dec0538';
    const { store } = await libraryWithArticles({}, OTHER, third);
    const keep1 = await store.createAnnotation({
      articleId: ID,
      target: target(10, 12),
      color: 'red',
      tags: ['t'],
    });
    const keep0 = await store.createAnnotation({
      articleId: ID,
      target: target(0, 3),
      color: 'red',
      tags: ['T'],
    });
    const gone = await store.createAnnotation({
      articleId: OTHER,
      target: target(0, 3),
      color: 'red',
      tags: ['t'],
    });
    await store.createAnnotation({ articleId: OTHER, target: target(5, 6), color: 'red', tags: ['khác'] });
    await store.createAnnotation({ articleId: third, target: target(0, 3), color: 'red', tags: ['t'] });
    await store.deleteAnnotation(OTHER, gone.id);
    store.putArticle(articleMeta({ id: third, deleted: true }));
    expect((await store.listAnnotationsByTag(' t ')).map((a) => a.id)).toEqual([keep0.id, keep1.id]);
  });
});

describe('LibraryStore: orphans', () => {
  it('takes new targets and orphan flags after re-anchoring, without an undo step', async () => {
    const { store } = await libraryWithArticles();
    const a = await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    const b = await store.createAnnotation({ articleId: ID, target: target(10, 14), color: 'red' });
    await store.replaceTargets(ID, [
      { id: a.id, target: target(40, 43), orphaned: false },
      { id: b.id, target: b.target, orphaned: true },
    ]);
    const listed = await store.listAnnotations(ID);
    expect(listed.map((x) => [x.id, x.orphaned])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    expect((await store.undo())?.label).toBe('Undid: highlight “bán” added');
    const missing = await rejection(
      store.replaceTargets(ID, [{ id: OTHER, target: target(0, 1), orphaned: true }]),
    );
    expect(missing.code).toBe('not-found');
  });
});

describe('LibraryStore: change notification and lifecycle', () => {
  it('announces each change once it is written, in order, with rising revisions', async () => {
    const { dir, store } = await libraryWithArticles({});
    await store.flush();
    const seen: [number, string, boolean][] = [];
    store.changes.subscribe((event, revision) => {
      const shard = path.join(ownFolder(dir), 'annotations', `${ID}.journal`);
      const onDisk =
        event.kind === 'settings-changed'
          ? (readJson(path.join(ownFolder(dir), 'library.json')) as { settings: { theme: string } }).settings
              .theme === 'dark'
          : existsSync(shard) && readFileSync(shard, 'utf8').length > 0;
      seen.push([revision, event.kind, onDisk]);
    });
    const first = store.changes.revision;
    await store.createAnnotation({ articleId: ID, target: target(0, 3), color: 'red' });
    await store.updateSettings({ theme: 'dark' });
    await store.flush();
    expect(seen).toEqual([
      [first + 1, 'annotations-changed', true],
      [first + 2, 'settings-changed', true],
    ]);
  });

  it('answers a long poll with the events after a revision, waits for the next, and resets from an unknown one', async () => {
    const { store } = await libraryWithArticles();
    await store.flush();
    const since = store.changes.revision;
    const waiting = store.changes.wait(since, 5000);
    store.updateSettings({ theme: 'dark' });
    await expect(waiting).resolves.toEqual({
      revision: since + 1,
      events: [{ kind: 'settings-changed' }],
      reset: false,
    });
    expect(await store.changes.wait(since + 1, 10)).toEqual({
      revision: since + 1,
      events: [],
      reset: false,
    });
    expect(await store.changes.wait(since, 0)).toMatchObject({ events: [{ kind: 'settings-changed' }] });
    expect(await store.changes.wait(since + 100, 5000)).toEqual({
      revision: since + 1,
      events: [],
      reset: true,
    });
  });

  it('ends a long poll early, with no events, when a notice for the user arrives', async () => {
    const { store } = await libraryWithArticles();
    await store.flush();
    const since = store.changes.revision;
    const waiting = store.changes.wait(since, 5000);
    store.addNotice({ message: 'Gloss đã sửa một tệp hỏng.' });
    await expect(waiting).resolves.toEqual({ revision: since, events: [], reset: false });
    expect(store.takeNotices().map((n) => n.message)).toEqual(['Gloss đã sửa một tệp hỏng.']);
  });

  it('refuses a second open of the same library while it is open, naming the library', async () => {
    const { dir, store } = await libraryWithArticles();
    const error = await rejection(LibraryStore.open(dir));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(dir);
    await store.close();
    await store.close();
    const again = await openStore(dir);
    expect(again.listArticles()).toHaveLength(1);
  });

  it('refuses changes once closed', async () => {
    const { store } = await libraryWithArticles();
    await store.close();
    await expect(store.updateSettings({ theme: 'dark' })).rejects.toThrow(/closed/);
  });

  it('moves temporary files left by an interrupted write aside when it opens', async () => {
    const { dir, store } = await libraryWithArticles();
    await store.close();
    const stale = path.join(ownFolder(dir), 'annotations', `.${ID}.json.0123456789ab.tmp`);
    cpSync(path.join(ownFolder(dir), 'library.json'), stale);
    await openStore(dir);
    expect(readdirSync(path.join(ownFolder(dir), 'annotations'))).toEqual([]);
    expect(readdirSync(path.join(dir, '.gloss/orphaned-copies'))).toHaveLength(1);
  });
});

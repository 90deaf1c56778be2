import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { LibraryStore } from './library-store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const ID = articleMeta().id;
const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir);
  open.push(store);
  return store;
}

/** A closed library whose article has two highlights and a note, all folded into its shard file. */
async function closedLibrary(): Promise<string> {
  const dir = tempDir();
  const store = await LibraryStore.open(dir);
  store.putArticle(articleMeta());
  await store.createAnnotation({ articleId: ID, target: describeRange(ARTICLE_TEXT, 0, 7), color: 'yellow' });
  await store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, 20, 30),
    color: 'green',
  });
  await store.setArticleNote(ID, 'Ghi chú về bài');
  await store.close();
  return dir;
}

function shardFile(dir: string): string {
  const devices = path.join(dir, '.gloss', 'devices');
  const own = readdirSync(devices)[0] ?? '';
  return path.join(devices, own, 'annotations', `${ID}.json`);
}

describe('reading highlights without loading the shard', () => {
  it('gives the note and highlights of a shard on disk, each caller its own copies', async () => {
    const store = await openStore(await closedLibrary());
    const [note, first, second] = await Promise.all([
      store.getArticleNote(ID),
      store.listAnnotations(ID),
      store.listAnnotations(ID),
    ]);
    expect(note).toBe('Ghi chú về bài');
    expect(first.map((a) => a.color)).toEqual(['yellow', 'green']);
    (first[0] as { color: string }).color = 'red';
    expect(second[0]?.color).toBe('yellow');
    expect((await store.listAnnotations(ID))[0]?.color).toBe('yellow');
  });

  it('sees edits made after a read, and what the shard file held', async () => {
    const dir = await closedLibrary();
    // Another Gloss (or a restore) may leave the file as it is: a read gives what it holds.
    const file = shardFile(dir);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { annotations: { color: string }[] };
    (data.annotations[0] as { color: string }).color = 'blue';
    writeFileSync(file, JSON.stringify(data));
    const store = await openStore(dir);
    expect((await store.listAnnotations(ID)).map((a) => a.color)).toEqual(['blue', 'green']);
    const added = await store.createAnnotation({
      articleId: ID,
      target: describeRange(ARTICLE_TEXT, 40, 45),
      color: 'purple',
    });
    expect((await store.listAnnotations(ID)).map((a) => a.id)).toContain(added.id);
    await store.setArticleNote(ID, 'Đã sửa');
    expect(await store.getArticleNote(ID)).toBe('Đã sửa');
  });

  it('reads a damaged shard through the store, which restores it and says so', async () => {
    const dir = await closedLibrary();
    writeFileSync(shardFile(dir), '{"schemaVersion": 1, "articleId": "');
    const store = await openStore(dir);
    await store.listAnnotations(ID);
    expect(readdirSync(path.dirname(shardFile(dir))).some((name) => name.includes('.damaged-'))).toBe(true);
  });

  it('keeps no article in memory once its note and highlights are read (an export of the whole library)', async () => {
    const dir = tempDir();
    const writer = await LibraryStore.open(dir);
    const ids = Array.from({ length: 8 }, () => randomUUID());
    // Two million characters a note: the heap grew by 10 MB when the shards stayed loaded.
    const note = 'Bán đảo Sơn Trà nằm ở Đà Nẵng. '.repeat(64_000);
    for (const [i, id] of ids.entries()) {
      writer.putArticle(articleMeta({ id, title: `Bài ${i}` }));
      await writer.setArticleNote(id, `${i} ${note}`);
      await writer.createAnnotation({
        articleId: id,
        target: describeRange(ARTICLE_TEXT, 0, 7),
        color: 'red',
      });
    }
    await writer.close();
    const store = await openStore(dir);
    const before = heapMB();
    for (const id of ids) {
      const [text, highlights] = await Promise.all([store.getArticleNote(id), store.listAnnotations(id)]);
      expect(text.length).toBeGreaterThan(note.length);
      expect(highlights).toHaveLength(1);
    }
    expect(heapMB() - before).toBeLessThan(4);
  });
});

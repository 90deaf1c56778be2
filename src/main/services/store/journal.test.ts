import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { LibraryStore } from './library-store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';
import { lockFileOf, ownFolder } from './testing/own-folder';
import { JOURNAL_FOLD_BYTES } from './journal-policy';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, {});
  open.push(store);
  return store;
}

/** The library folder as a crash would leave it right now: a copy, without the (stale) lock. */
function crashCopy(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  rmSync(lockFileOf(copy), { recursive: true, force: true });
  return copy;
}

function journalOf(dir: string): string {
  return path.join(ownFolder(dir), 'annotations', `${ID}.journal`);
}

function shardOf(dir: string): string {
  return path.join(ownFolder(dir), 'annotations', `${ID}.json`);
}

/** Bytes of a file; 0 when there is none. */
function sizeOf(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

/** A note this long makes the journal entry of its highlight about 8 KB. */
const LONG_NOTE = 'Ghi chú dài về Sơn Trà. '.repeat(320);

/** Adds highlight `i` with a long note (see LONG_NOTE); resolves once acknowledged. */
function addLong(store: LibraryStore, i: number) {
  return store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, i % 50, (i % 50) + 3),
    color: 'red',
    note: `${i}: ${LONG_NOTE}`,
  });
}

/** A library whose shard is on disk, with two more highlights flushed only to the journal. */
async function libraryWithJournal() {
  const dir = tempDir();
  const store = await openStore(dir);
  store.putArticle(articleMeta());
  const base = await store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, 0, 3),
    color: 'red',
  });
  await store.setArticleNote(ID, 'ghi chú');
  await store.flush();
  const a = await store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, 4, 7),
    color: 'red',
  });
  await store.flush();
  const b = await store.updateAnnotation(ID, base.id, { note: 'sửa sau' });
  await store.flush();
  return { dir, store, ids: [base.id, a.id], edited: b };
}

describe('the shard journal', () => {
  it('keeps every flushed highlight through a crash and folds the journal into the shard on the next open', async () => {
    const { dir, ids } = await libraryWithJournal();
    expect(readFileSync(journalOf(dir), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    const copy = crashCopy(dir);

    const store = await openStore(copy);
    expect((await store.listAnnotations(ID)).map((a) => [a.id, a.note])).toEqual([
      [ids[0], 'sửa sau'],
      [ids[1], ''],
    ]);
    expect(store.getArticle(ID)?.highlightCount).toBe(2);
    expect(store.takeNotices().map((n) => n.message)).toEqual([]);
    expect(readFileSync(journalOf(copy), 'utf8')).toBe('');
    expect(readFileSync(shardOf(copy), 'utf8')).toContain('sửa sau');
  });

  it('drops a torn last line, an append that was never confirmed, without a word', async () => {
    const { dir, ids } = await libraryWithJournal();
    const copy = crashCopy(dir);
    appendFileSync(journalOf(copy), '{"annotations":[{"id":"0d3f5e8a-7b1c');

    const store = await openStore(copy);
    expect((await store.listAnnotations(ID)).map((a) => a.id)).toEqual(ids);
    expect(store.takeNotices().map((n) => n.message)).toEqual([]);
  });

  it('keeps a NUL-filled journal aside and says so, instead of taking it for a torn line', async () => {
    for (const garbage of ['\0'.repeat(4096), `\0\0\0{"annotations":[`]) {
      const { dir, ids } = await libraryWithJournal();
      const copy = crashCopy(dir);
      const journal = journalOf(copy);
      appendFileSync(journal, garbage);

      const store = await openStore(copy);
      expect((await store.listAnnotations(ID)).map((a) => a.id)).toEqual(ids);
      const [notice] = store.takeNotices().map((n) => n.message);
      expect(notice).toMatch(/could not read 1 of the recent changes/);
      const aside = readdirSync(path.dirname(journal)).find((name) => name.includes('.journal.damaged-'));
      expect(aside, 'a .damaged copy of the journal').toBeDefined();
      expect(readFileSync(path.join(path.dirname(journal), aside as string), 'utf8')).toContain(garbage);
    }
  });

  it('reports an unreadable entry in the middle, keeps a copy, and applies every entry it can read', async () => {
    const { dir, ids } = await libraryWithJournal();
    const copy = crashCopy(dir);
    const [first, second] = readFileSync(journalOf(copy), 'utf8').split('\n');
    writeFileSync(journalOf(copy), `${first}\n{"annotations": "garbled"}\n${second}\n`);

    const store = await openStore(copy);
    expect((await store.listAnnotations(ID)).map((a) => [a.id, a.note])).toEqual([
      [ids[0], 'sửa sau'],
      [ids[1], ''],
    ]);
    const [notice] = store.takeNotices().map((n) => n.message);
    expect(notice).toMatch(
      /could not read 1 of the recent changes to the highlights and notes of “Khảo sát Sơn Trà”/,
    );
    const aside = readdirSync(path.dirname(journalOf(copy))).find((name) =>
      name.includes('.journal.damaged-'),
    );
    expect(readFileSync(path.join(path.dirname(journalOf(copy)), aside as string), 'utf8')).toContain(
      'garbled',
    );
  });

  it('ignores an entry older than the shard, as a journal left over by a lost truncation would be', async () => {
    const { dir, store, ids } = await libraryWithJournal();
    const stale = readFileSync(journalOf(dir), 'utf8');
    await store.updateAnnotation(ID, ids[0] as string, { note: 'mới nhất' });
    await store.close();
    writeFileSync(journalOf(dir), stale);

    const again = await openStore(dir);
    expect((await again.listAnnotations(ID))[0]?.note).toBe('mới nhất');
  });

  it('folds a long journal into the shard at the next flush instead of growing it without end', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta());
    const count = 200;
    for (let i = 0; i < count; i++) {
      await addLong(store, i);
      await store.flush();
      // Never longer than the shard, or than JOURNAL_FOLD_BYTES while the shard is shorter.
      expect(sizeOf(journalOf(dir))).toBeLessThan(Math.max(JOURNAL_FOLD_BYTES, sizeOf(shardOf(dir))));
    }
    const lines = readFileSync(journalOf(dir), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(count);
    const crashed = await openStore(crashCopy(dir));
    expect(await crashed.listAnnotations(ID)).toHaveLength(count);
  });

  it('folds a journal once it is as long as its shard, so a fold costs no more per highlight as the shard grows', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    first.putArticle(articleMeta());
    // A shard of about 2 MB, folded on close.
    for (let i = 0; i < 250; i++) await addLong(first, i);
    await first.close();
    const store = await openStore(dir);
    const shard = sizeOf(shardOf(dir));
    expect(shard).toBeGreaterThan(2 * JOURNAL_FOLD_BYTES);
    // More than JOURNAL_FOLD_BYTES appended, less than the shard: not folded yet.
    for (let i = 250; i < 400; i++) await addLong(store, i);
    expect(sizeOf(journalOf(dir))).toBeGreaterThan(JOURNAL_FOLD_BYTES);
    expect(sizeOf(shardOf(dir))).toBe(shard);
    // Once as long as the shard: folded.
    for (let i = 400; sizeOf(shardOf(dir)) === shard; i++) {
      expect(sizeOf(journalOf(dir))).toBeLessThan(shard);
      await addLong(store, i);
      await store.flush();
    }
    expect(sizeOf(journalOf(dir))).toBe(0);
    const crashed = await openStore(crashCopy(dir));
    expect((await crashed.listAnnotations(ID)).length).toBeGreaterThan(400);
  });

  it('acknowledges every highlight from the journal, folding a long one only after the acknowledgement', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta());
    const inJournal: boolean[] = [];
    const count = 200;
    for (let i = 0; i < count; i++) {
      const created = await addLong(store, i);
      // Acknowledged once its entry is appended and synced, never once a fold of the whole shard is.
      inJournal.push(readFileSync(journalOf(dir), 'utf8').includes(created.id));
    }
    expect(inJournal.filter((found) => !found)).toEqual([]);
    await store.flush();
    // The journal was folded on the way, in the background.
    expect(readFileSync(journalOf(dir), 'utf8').split('\n').filter(Boolean).length).toBeLessThan(count);
    const crashed = await openStore(crashCopy(dir));
    expect(await crashed.listAnnotations(ID)).toHaveLength(count);
  });
});

import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import type { ChangeEvent } from '../../../shared/model/change';
import { LibraryStore } from './library-store';
import { NOTE_VERSIONS_SEPARATOR } from './merge';
import type { ShardFile } from './schemas';
import { Computers, syncDevice } from './testing/computers';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const ID = articleMeta().id;
const { openAs, closeAll } = new Computers();

afterEach(closeAll);

const target = (start: number, end: number) => describeRange(ARTICLE_TEXT, start, end);

describe('one library on two computers through a synced folder', () => {
  it('keeps every change made apart: new highlights, recolour and note, both note versions, deletions', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = await openAs(one, A);
    await a.putArticle(articleMeta());
    const shared = await a.createAnnotation({
      articleId: ID,
      target: target(0, 3),
      color: 'yellow',
      note: 'gốc',
    });
    const doomed = await a.createAnnotation({ articleId: ID, target: target(5, 9), color: 'green' });
    await closeAll();
    syncDevice(one, two, A);

    const b = await openAs(two, B);
    expect((await b.listAnnotations(ID)).map((x) => x.id).sort()).toEqual([shared.id, doomed.id].sort());
    await b.updateAnnotation(ID, shared.id, { note: 'bản của máy B' });
    await b.deleteAnnotation(ID, doomed.id);
    const fromB = await b.createAnnotation({ articleId: ID, target: target(12, 16), color: 'blue' });
    const a2 = await openAs(one, A);
    await a2.updateAnnotation(ID, shared.id, { color: 'red', note: 'bản của máy A' });
    await a2.updateAnnotation(ID, doomed.id, { color: 'purple' });
    const fromA = await a2.createAnnotation({ articleId: ID, target: target(20, 24), color: 'orange' });
    await closeAll();
    syncDevice(one, two, A);
    syncDevice(two, one, B);

    const states = [];
    for (const dir of [one, two]) {
      const store = await openAs(dir, dir === one ? A : B);
      const highlights = await store.listAnnotations(ID);
      expect(highlights.map((x) => x.id).sort()).toEqual([shared.id, fromA.id, fromB.id].sort());
      const merged = highlights.find((x) => x.id === shared.id);
      expect(merged?.color).toBe('red');
      expect(merged?.note).toContain('bản của máy A');
      expect(merged?.note).toContain('bản của máy B');
      expect(merged?.note).toContain(NOTE_VERSIONS_SEPARATOR);
      expect(
        store
          .takeNotices()
          .map((n) => n.message)
          .join('\n'),
      ).toMatch(/edited on two computers at once/);
      states.push(highlights.map(({ updatedAt: _, ...rest }) => rest));
    }
    expect(states[0]).toEqual(states[1]);
  });

  it('picks up what another computer wrote while open, announces it, and keeps its own pending change', async () => {
    const dir = tempDir();
    const a = await openAs(dir, A);
    await a.putArticle(articleMeta());
    await a.flush();
    const b = await openAs(dir, B);
    expect(b.getArticle(ID)?.title).toBe(articleMeta().title);
    const events: ChangeEvent[] = [];
    b.changes.subscribe((event) => {
      events.push(event);
    });
    const fromB = await b.createAnnotation({ articleId: ID, target: target(4, 8), color: 'green' });
    const fromA = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await a.flush();
    await b.delivered();
    expect(events).not.toContainEqual({ kind: 'devices-changed' });
    await b.pickUpOtherDevices();
    await b.delivered();
    expect((await b.listAnnotations(ID)).map((x) => x.id).sort()).toEqual([fromA.id, fromB.id].sort());
    expect(events).toContainEqual({ kind: 'annotations-changed', articleId: ID, ids: [fromA.id] });
    expect(events.at(-1)).toEqual({ kind: 'devices-changed' });
    await a.pickUpOtherDevices();
    expect((await a.listAnnotations(ID)).map((x) => x.id).sort()).toEqual([fromA.id, fromB.id].sort());
  });

  it('writes nothing at open when the other computers brought nothing new, and reads what they change next', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = await openAs(one, A);
    await a.putArticle(articleMeta());
    const first = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await closeAll();
    syncDevice(one, two, A);
    await (await openAs(two, B)).listAnnotations(ID);
    await closeAll();
    const own = path.join(two, '.gloss', 'devices', B);
    const files = () =>
      readdirSync(own, { recursive: true, encoding: 'utf8' })
        .map((name) => path.join(own, name))
        .filter((file) => statSync(file).isFile())
        .map((file) => [file, statSync(file).mtimeMs, readFileSync(file, 'utf8')]);
    const before = files();
    expect(before.length).toBeGreaterThanOrEqual(2);

    await (await openAs(two, B)).listAnnotations(ID);
    await closeAll();
    expect(files()).toEqual(before);

    const a2 = await openAs(one, A);
    await a2.updateAnnotation(ID, first.id, { color: 'blue' });
    await closeAll();
    syncDevice(one, two, A);
    const b = await openAs(two, B);
    expect((await b.listAnnotations(ID)).map((x) => x.color)).toEqual(['blue']);
  });

  it('writes in its own file only the fields it changed of a highlight another computer made', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = await openAs(one, A);
    await a.putArticle(articleMeta());
    const made = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await a.updateAnnotation(ID, made.id, { note: 'ghi chú trên máy A' });
    await closeAll();
    syncDevice(one, two, A);
    await (await openAs(two, B)).updateAnnotation(ID, made.id, { color: 'blue' });
    await closeAll();
    const shard = JSON.parse(
      readFileSync(path.join(two, '.gloss', 'devices', B, 'annotations', `${ID}.json`), 'utf8'),
    ) as ShardFile;
    expect(shard.annotations).toEqual([]);
    expect(shard.parts).toEqual([
      { id: made.id, articleId: ID, updatedAt: expect.any(String), color: 'blue' },
    ]);
    expect(Object.keys(shard.sync?.records[made.id] ?? {})).toEqual(['color']);
    syncDevice(two, one, B);
    expect(await (await openAs(one, A)).listAnnotations(ID)).toMatchObject([
      { id: made.id, color: 'blue', note: 'ghi chú trên máy A', target: made.target },
    ]);
  });

  it('keeps a highlight another computer holds only in its journal, so nothing is lost if its folder goes', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = await openAs(one, A);
    await a.putArticle(articleMeta());
    await a.flush();
    const made = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    // Synced while A is open: its highlight is in its journal, not yet in its own shard file.
    syncDevice(one, two, A);
    const elsewhere = new Computers();
    const b = await elsewhere.openAs(two, B);
    expect((await b.listAnnotations(ID)).map((x) => x.id)).toEqual([made.id]);
    const shard = path.join(two, '.gloss', 'devices', B, 'annotations', `${ID}.json`);
    const holds = () => existsSync(shard) && readFileSync(shard, 'utf8').includes(made.id);
    // Written once merging is quiet, without waiting for close.
    for (let waited = 0; !holds() && waited < 20_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(holds()).toBe(true);
    await elsewhere.closeAll();
    const copy = tempDir();
    cpSync(two, copy, { recursive: true });
    rmSync(path.join(copy, '.gloss', 'devices', A), { recursive: true, force: true });
    expect((await (await elsewhere.openAs(copy, B)).listAnnotations(ID)).map((x) => x.id)).toEqual([made.id]);
    await elsewhere.closeAll();

    // Once A's own file holds it, B drops it from its file at its next write of the whole file.
    await closeAll();
    syncDevice(one, two, A);
    const again = await elsewhere.openAs(two, B);
    const own = await again.createAnnotation({ articleId: ID, target: target(5, 9), color: 'green' });
    await elsewhere.closeAll();
    expect(readFileSync(shard, 'utf8')).not.toContain(made.id);
    expect(readFileSync(shard, 'utf8')).toContain(own.id);
    expect((await (await openAs(two, B)).listAnnotations(ID)).map((x) => x.id).sort()).toEqual(
      [made.id, own.id].sort(),
    );
  });

  it('gives each computer its own lock, so two computers may have the library open at once', async () => {
    const dir = tempDir();
    await openAs(dir, A);
    await openAs(dir, B);
    await expect(LibraryStore.open(dir, { deviceId: A })).rejects.toMatchObject({ code: 'locked' });
    expect(readdirSync(path.join(dir, '.gloss', 'locks')).sort()).toEqual([`${A}.lock`, `${B}.lock`]);
  });

  it('tells which computers keep the library, this one first, and when each last wrote', async () => {
    const dir = tempDir();
    const b = await openAs(dir, B);
    await b.putArticle(articleMeta());
    await b.flush();
    const a = await openAs(dir, A);
    const status = await a.syncStatus();
    expect(status.deviceId).toBe(A);
    expect(status.devices.map(({ id, self }) => [id, self])).toEqual([
      [A, true],
      [B, false],
    ]);
    expect(Date.parse(status.devices[1]?.lastWrite ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('writes a .stignore that keeps caches, backups and locks out of Syncthing', async () => {
    const dir = tempDir();
    await openAs(dir, A);
    const ignore = readFileSync(path.join(dir, '.stignore'), 'utf8');
    for (const folder of ['search', 'content', 'backups', 'locks'])
      expect(ignore).toContain(`/.gloss/${folder}`);
    expect(ignore).not.toContain('devices');
  });

  it('moves a single-computer library into this device’s folder on first open, after a backup', async () => {
    const dir = tempDir();
    const a = await openAs(dir, A);
    await a.putArticle(articleMeta());
    const kept = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await closeAll();
    const own = path.join(dir, '.gloss', 'devices', A);
    // The single-computer layout of an older Gloss.
    cpSync(path.join(own, 'library.json'), path.join(dir, '.gloss', 'library.json'));
    cpSync(path.join(own, 'annotations'), path.join(dir, '.gloss', 'annotations'), { recursive: true });
    rmSync(path.join(dir, '.gloss', 'devices'), { recursive: true });

    const b = await openAs(dir, B);
    expect((await b.listAnnotations(ID)).map((x) => x.id)).toEqual([kept.id]);
    expect(existsSync(path.join(dir, '.gloss', 'library.json'))).toBe(false);
    expect(existsSync(path.join(dir, '.gloss', 'devices', B, 'annotations', `${ID}.json`))).toBe(true);
    const backups = readdirSync(path.join(b.cacheDir, 'backups')).filter((name) =>
      name.startsWith('before-devices-'),
    );
    expect(backups).toHaveLength(1);
  });
});

describe('conflict copies made by sync tools', () => {
  it.each([
    ['Syncthing', `${ID}.sync-conflict-20240501-101010-ABCDEFG.json`],
    ['Dropbox', `${ID} (Laptop's conflicted copy 2024-05-01).json`],
    ['Nextcloud', `${ID} (conflicted copy 2024-05-01 101010).json`],
  ])('merges a %s conflict copy of a shard record by record, then moves it aside', async (_tool, name) => {
    const [dir, other] = [tempDir(), tempDir()];
    const a = await openAs(dir, A);
    await a.putArticle(articleMeta());
    const first = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await closeAll();
    syncDevice(dir, other, A);
    // The same device's shard as another copy of the folder changed it: what a sync tool sets aside.
    const copy = await openAs(other, A);
    const inCopy = await copy.createAnnotation({ articleId: ID, target: target(5, 9), color: 'blue' });
    await closeAll();
    const a2 = await openAs(dir, A);
    const inMain = await a2.createAnnotation({ articleId: ID, target: target(12, 16), color: 'green' });
    await closeAll();
    const shards = path.join(dir, '.gloss', 'devices', A, 'annotations');
    writeFileSync(
      path.join(shards, name),
      readFileSync(path.join(other, '.gloss', 'devices', A, 'annotations', `${ID}.json`)),
    );

    const store = await openAs(dir, A);
    expect((await store.listAnnotations(ID)).map((x) => x.id).sort()).toEqual(
      [first.id, inCopy.id, inMain.id].sort(),
    );
    expect(readdirSync(shards)).not.toContain(name);
    expect(
      store
        .takeNotices()
        .map((n) => n.message)
        .join('\n'),
    ).toMatch(/conflict copy.*merged it record by record/s);
    const aside = readdirSync(path.join(dir, '.gloss', 'conflicts'));
    expect(aside).toHaveLength(1);
  });
});

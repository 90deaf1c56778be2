import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import type { Annotation } from '../../../shared/model/annotation';
import { LibraryStore } from './library-store';
import { NOTE_VERSIONS_SEPARATOR } from './merge';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';
import {
  FOLDER_ID,
  hasSyncthing,
  rest,
  sleep,
  startPair,
  type SyncthingNode,
  type SyncthingPair,
} from './testing/syncthing';

const ID = articleMeta().id;
const target = (start: number, end: number) => describeRange(ARTICLE_TEXT, start, end);
const root = tempDir('gloss-syncthing-');
const stores: LibraryStore[] = [];
let pair: SyncthingPair | undefined;

afterAll(async () => {
  for (const store of stores) await store.close().catch(() => undefined);
  await pair?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Opens the library in `dir` as a computer whose app-data folder is `dataDir` (its own device id). */
async function openComputer(dir: string, dataDir: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, { dataDir, followIntervalMs: 500 });
  stores.push(store);
  return store;
}

/** What a user sees of the article's highlights, in a stable order. */
async function seen(store: LibraryStore): Promise<Pick<Annotation, 'id' | 'color' | 'note' | 'tags'>[]> {
  await store.pickUpOtherDevices();
  if (!store.getArticle(ID)) return [];
  return (await store.listAnnotations(ID))
    .map(({ id, color, note, tags }) => ({ id, color, note, tags: [...tags].sort() }))
    .sort((x, y) => x.id.localeCompare(y.id));
}

/** Writes this computer's pending changes and asks its Syncthing to look at the folder now. */
async function publish(store: LibraryStore, node: SyncthingNode): Promise<void> {
  await store.flush();
  await rest(node, 'POST', `/rest/db/scan?folder=${FOLDER_ID}`);
}

/** Polls `check` every 250 ms until it holds; throws with `what` after `timeoutMs`. Resolves to the time it took (ms). */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(250);
  }
  return performance.now() - started;
}

/** Pauses (or resumes) each instance's connection to the other. */
async function setPaused(paused: boolean): Promise<void> {
  const { a, b } = pair!;
  const action = paused ? 'pause' : 'resume';
  await rest(a, 'POST', `/rest/system/${action}?device=${b.id}`);
  await rest(b, 'POST', `/rest/system/${action}?device=${a.id}`);
}

const installed = hasSyncthing();

describe.skipIf(!installed)(
  `one library on two computers through two real Syncthing instances${installed ? '' : ' (skipped: no syncthing binary on the PATH; .ci/run installs it)'}`,
  () => {
    it('converges with every change made apart kept, both note versions included', async () => {
      const [libraryA, libraryB] = [path.join(root, 'library-a'), path.join(root, 'library-b')];
      for (const dir of [libraryA, libraryB]) mkdirSync(dir);
      const a = await openComputer(libraryA, path.join(root, 'config-a', 'Gloss'));
      const b = await openComputer(libraryB, path.join(root, 'config-b', 'Gloss'));
      expect(a.deviceId).not.toBe(b.deviceId);
      pair = await startPair(root, libraryA, libraryB);
      const { a: stA, b: stB } = pair;

      mkdirSync(path.join(libraryA, 'articles'), { recursive: true });
      writeFileSync(path.join(libraryA, articleMeta().sourceFile), ARTICLE_TEXT);
      await a.putArticle(articleMeta());
      const shared = await a.createAnnotation({
        articleId: ID,
        target: target(0, 3),
        color: 'yellow',
        note: 'gốc',
        tags: ['khảo-sát'],
      });
      const noted = await a.createAnnotation({
        articleId: ID,
        target: target(5, 9),
        color: 'green',
        note: 'đầu',
      });
      const doomed = await a.createAnnotation({ articleId: ID, target: target(12, 16), color: 'blue' });
      await publish(a, stA);
      const firstSync = await waitFor(
        'the first highlights reach B',
        async () => (await seen(b)).length === 3,
      );
      expect(b.getArticle(ID)?.title).toBe(articleMeta().title);

      await setPaused(true);
      const fromA = await a.createAnnotation({ articleId: ID, target: target(20, 24), color: 'orange' });
      await a.updateAnnotation(ID, shared.id, { color: 'red' });
      await a.updateAnnotation(ID, noted.id, { note: 'bản của máy A' });
      await a.deleteAnnotation(ID, doomed.id);
      const fromB = await b.createAnnotation({ articleId: ID, target: target(26, 30), color: 'purple' });
      await b.updateAnnotation(ID, shared.id, { note: 'ghi chú của máy B' });
      await b.updateAnnotation(ID, noted.id, { note: 'bản của máy B' });
      await b.renameTag('khảo-sát', 'thực-địa');
      await publish(a, stA);
      await publish(b, stB);
      await sleep(3000);
      expect((await seen(b)).map((x) => x.id)).not.toContain(fromA.id);
      expect((await seen(a)).map((x) => x.id)).not.toContain(fromB.id);

      await setPaused(false);
      const convergence = await waitFor('both computers show the same highlights', async () => {
        const [onA, onB] = [await seen(a), await seen(b)];
        return onA.length === 4 && JSON.stringify(onA) === JSON.stringify(onB);
      });
      console.log(
        `Syncthing (${pair.isolated ? 'own network namespace' : 'loopback'}): first highlights reached B in ${Math.round(firstSync)} ms; ` +
          `after resuming, both converged in ${Math.round(convergence)} ms`,
      );

      // No file has two writers, so Syncthing never had to set a conflict copy aside.
      for (const dir of [libraryA, libraryB]) {
        const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
        expect(names.filter((name) => name.includes('sync-conflict'))).toEqual([]);
      }
      for (const store of [a, b]) {
        const highlights = await seen(store);
        expect(highlights.map((x) => x.id).sort()).toEqual([shared.id, noted.id, fromA.id, fromB.id].sort());
        const merged = highlights.find((x) => x.id === shared.id);
        expect(merged).toMatchObject({ color: 'red', note: 'ghi chú của máy B', tags: ['thực-địa'] });
        const both = highlights.find((x) => x.id === noted.id)!.note;
        expect(both).toContain('bản của máy A');
        expect(both).toContain('bản của máy B');
        expect(both).toContain(NOTE_VERSIONS_SEPARATOR);
        expect((await store.listTags()).map((tag) => tag.name)).toContain('thực-địa');
        expect((await store.listTags()).map((tag) => tag.name)).not.toContain('khảo-sát');
      }
    }, 180_000);
  },
);

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LibraryStore } from '../src/main/services/store';
import { ARTICLE_TEXT, articleMeta } from '../src/main/services/store/testing/fixtures';
import { lockFileOf, ownFolder } from '../src/main/services/store/testing/own-folder';
import { describeRange } from '../src/shared/text/selectors';
import { percentiles, report } from './report';

const ID = articleMeta().id;
/** Highlights folded into the shard, then highlights each appended alone to its journal. */
const FOLDED = 2_000;
const JOURNALED = 1_000;
const RUNS = 3;

const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function add(store: LibraryStore, i: number) {
  const start = i % 50;
  return store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, start, start + 3),
    color: 'red',
    note: `Ghi chú số ${i}`,
  });
}

it(
  'store: open a shard whose journal holds 1,000 entries (killed before a fold)',
  async () => {
    const library = path.join(dir, 'library');
    const first = await LibraryStore.open(library, {});
    first.putArticle(articleMeta());
    for (let i = 0; i < FOLDED; i += 20)
      await Promise.all(Array.from({ length: 20 }, (_, k) => add(first, i + k)));
    await first.close();
    const store = await LibraryStore.open(library, {});
    for (let i = FOLDED; i < FOLDED + JOURNALED; i++) await add(store, i);
    // The folder as a kill -9 leaves it: the journal not folded, the lock stale.
    const crashed = path.join(dir, 'crashed');
    cpSync(library, crashed, { recursive: true });
    rmSync(lockFileOf(crashed), { force: true });
    await store.close();
    const annotations = path.join(ownFolder(crashed), 'annotations');
    const shardBytes = readFileSync(path.join(annotations, `${ID}.json`));
    const journalBytes = readFileSync(path.join(annotations, `${ID}.journal`));
    const entries = journalBytes.toString('utf8').split('\n').filter(Boolean).length;

    const openSamples: number[] = [];
    const floorSamples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const copy = path.join(dir, `run-${run}`);
      cpSync(crashed, copy, { recursive: true });
      const t0 = performance.now();
      const opened = await LibraryStore.open(copy, {});
      const listed = await opened.listAnnotations(ID);
      openSamples.push(performance.now() - t0);
      expect(listed).toHaveLength(FOLDED + JOURNALED);
      await opened.close();

      const t1 = performance.now();
      const shard = JSON.parse(readFileSync(path.join(annotations, `${ID}.json`), 'utf8')) as unknown;
      const lines = readFileSync(path.join(annotations, `${ID}.journal`), 'utf8').split('\n');
      const parsed = lines.filter(Boolean).map((line) => JSON.parse(line) as unknown);
      floorSamples.push(performance.now() - t1);
      expect(shard && parsed.length).toBe(entries);
    }
    const open = percentiles(openSamples).median;
    const floor = percentiles(floorSamples).median;
    report(
      `Store: open after a kill, ${FOLDED} highlights in the shard (${Math.round(shardBytes.length / 1024)} KB), ` +
        `${entries} journal entries (${Math.round(journalBytes.length / 1024)} KB); median of ${RUNS}; load average ` +
        `${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`,
      [
        { name: 'open + list the highlights (replay, then fold with a backup)', value: open, unit: 'ms' },
        { name: 'floor: read and JSON.parse the shard and every journal line', value: floor, unit: 'ms' },
        { name: 'ratio to floor', value: open / floor, unit: 'x' },
      ],
    );
  },
  30 * 60_000,
);

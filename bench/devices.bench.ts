import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LibraryStore } from '../src/main/services/store';
import { ARTICLE_TEXT, articleMeta, tempDir } from '../src/main/services/store/testing/fixtures';
import { describeRange } from '../src/shared/text/selectors';
import { HIGHLIGHT_COLORS, type Annotation } from '../src/shared/model/annotation';
import { percentiles, report } from './report';

/**
 * Opening a library whose device folders hold 100,000 highlight changes from
 * three computers (A creates 50,000 highlights; B recolours 25,000 of them,
 * C rewrites 25,000 notes, 12,500 on highlights B recoloured), each computer's files compacted by itself, against
 * opening the same state kept by one computer alone. Timed: open, then every
 * article's highlights listed (ms), fresh store each run, same process.
 */
const ARTICLES = 100;
const PER_ARTICLE = 500;
const RUNS = 5;
const [A, B, C, D] = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd'];
const ids = Array.from(
  { length: ARTICLES },
  (_, i) => `3b241101-e2bb-4255-8caf-${String(i).padStart(12, '0')}`,
);
const root = tempDir('gloss-bench-devices-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `work` over `items`, 1,000 at a time (concurrent changes share one append and fdatasync). */
async function inBatches<T>(items: T[], work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += 1000) {
    await Promise.all(items.slice(start, start + 1000).map((item, i) => work(item, start + i)));
  }
}

/** Copies one device's folder from library `from` to library `to`, as a sync tool would. */
function syncDevice(from: string, to: string, deviceId: string): void {
  const folder = path.join('.gloss', 'devices', deviceId);
  cpSync(path.join(from, folder), path.join(to, folder), { recursive: true });
}

/** Opens `dir` as `deviceId`, lists every article's highlights, closes; resolves to the time (ms) and the highlights. */
async function openAndRead(dir: string, deviceId: string): Promise<{ ms: number; highlights: Annotation[] }> {
  const started = performance.now();
  const store = await LibraryStore.open(dir, { deviceId, followIntervalMs: 3_600_000 });
  const highlights = (await Promise.all(ids.map((id) => store.listAnnotations(id)))).flat();
  const ms = performance.now() - started;
  await store.close();
  return { ms, highlights };
}

test('devices: opening 100,000 highlight changes from three computers vs one compacted computer', async () => {
  const [libA, libB, libC, single] = [
    path.join(root, 'a'),
    path.join(root, 'b'),
    path.join(root, 'c'),
    path.join(root, 'single'),
  ];
  for (const dir of [libA, libB, libC, single]) mkdirSync(dir);
  const generating = performance.now();
  const a = await LibraryStore.open(libA, { deviceId: A, followIntervalMs: 3_600_000 });
  for (const id of ids) await a.putArticle(articleMeta({ id, sourceFile: `articles/${id}.txt` }));
  const slots = Array.from({ length: ARTICLES * PER_ARTICLE }, (_, i) => i);
  const created: Annotation[] = [];
  await inBatches(slots, async (i) => {
    const start = (i * 7) % (ARTICLE_TEXT.length - 10);
    created[i] = await a.createAnnotation({
      articleId: ids[i % ARTICLES]!,
      target: describeRange(ARTICLE_TEXT, start, start + 5),
      color: 'yellow',
      note: `ghi chú ${i}`,
    });
  });
  await a.close();
  for (const [dir, device, change] of [
    [libB, B, (_: Annotation, i: number) => ({ color: HIGHLIGHT_COLORS[1 + (i % 4)]! })],
    [libC, C, (_: Annotation, i: number) => ({ note: `ghi chú sửa trên máy C ${i}` })],
  ] as const) {
    syncDevice(libA, dir, A);
    const store = await LibraryStore.open(dir, { deviceId: device, followIntervalMs: 3_600_000 });
    // B recolours highlights 0–24,999, C rewrites the notes of 12,500–37,499: half of them changed on both.
    const mine = device === B ? created.slice(0, 25_000) : created.slice(12_500, 37_500);
    await inBatches(mine, (h, i) => store.updateAnnotation(h.articleId, h.id, change(h, i)));
    await store.close();
  }
  syncDevice(libB, libA, B);
  syncDevice(libC, libA, C);
  const merged = await openAndRead(libA, A);
  expect(merged.highlights).toHaveLength(ARTICLES * PER_ARTICLE);

  const d = await LibraryStore.open(single, { deviceId: D, followIntervalMs: 3_600_000 });
  for (const id of ids) await d.putArticle(articleMeta({ id, sourceFile: `articles/${id}.txt` }));
  for (const id of ids) {
    await d.importAnnotations(
      id,
      merged.highlights.filter((h) => h.articleId === id),
    );
  }
  await d.close();
  const generated = performance.now() - generating;

  const key = (list: Annotation[]) =>
    JSON.stringify(list.map(({ id, color, note, tags }) => [id, color, note, tags]).sort());
  expect(key((await openAndRead(single, D)).highlights)).toBe(key(merged.highlights));

  const three: number[] = [];
  const one: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    three.push((await openAndRead(libA, A)).ms);
    one.push((await openAndRead(single, D)).ms);
  }
  const [threeMs, oneMs] = [percentiles(three).median, percentiles(one).median];
  report(
    `devices: open a library with 100,000 highlight changes from 3 computers (generated in ${Math.round(generated)} ms)`,
    [
      { name: 'floor: same state, one compacted computer', value: oneMs, unit: 'ms' },
      { name: "three computers' folders merged", value: threeMs, unit: 'ms' },
      {
        name: 'ratio',
        value: threeMs / oneMs,
        unit: 'x',
        target: '<= 1.5x floor',
        met: threeMs / oneMs <= 1.5,
      },
    ],
  );
});

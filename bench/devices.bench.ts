import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LibraryStore } from '../src/main/services/store';
import { ARTICLE_TEXT, articleMeta, tempDir } from '../src/main/services/store/testing/fixtures';
import { DEFAULT_SETTINGS } from '../src/shared/model/settings';
import { describeRange } from '../src/shared/text/selectors';
import { HIGHLIGHT_COLORS, type Annotation } from '../src/shared/model/annotation';
import { DeviceState } from './fixtures/device-files';
import { percentiles, report } from './report';

/**
 * Opening a library whose device folders hold 100,000 highlight changes from
 * three computers (A creates 50,000 highlights; B recolours 25,000 of them,
 * C rewrites 25,000 notes, 12,500 on highlights B recoloured), each computer's
 * files compacted by itself, against opening the same state kept by one
 * computer alone. The device files are written directly with the store's
 * stamps, codecs and ownPart (what each store writes once its journals are
 * folded: B's and C's files hold only the fields they changed).
 * Timed: open, then every article's highlights listed (ms), fresh store each
 * run, same process; first as A sees the library when B's and C's files have
 * just arrived (everything merged), then at A's next open (nothing new).
 */
const ARTICLES = 100;
const PER_ARTICLE = 500;
const TOTAL = ARTICLES * PER_ARTICLE;
const RUNS = 5;
const [A, B, C, D] = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd'];
const ids = Array.from(
  { length: ARTICLES },
  (_, i) => `3b241101-e2bb-4255-8caf-${String(i).padStart(12, '0')}`,
);
const root = tempDir('gloss-bench-devices-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Opens `dir` as `deviceId`, lists every article's highlights, closes; resolves to the time (ms) and the highlights. */
async function openAndRead(dir: string, deviceId: string): Promise<{ ms: number; highlights: Annotation[] }> {
  const started = performance.now();
  const store = await LibraryStore.open(dir, { deviceId, followIntervalMs: 3_600_000 });
  const highlights = (await Promise.all(ids.map((id) => store.listAnnotations(id)))).flat();
  const ms = performance.now() - started;
  await store.close();
  return { ms, highlights };
}

/** The id of highlight number `i`. */
function highlightId(i: number): string {
  return `6f1c7a52-0b7e-4c1d-9a4e-${String(i).padStart(12, '0')}`;
}

/** The 50,000 highlights A made: highlight `i` is on article `i % 100`, id derived from `i`. */
function createdByA(): DeviceState {
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const shards = ids.map((articleId) => ({
    schemaVersion: 1 as const,
    articleId,
    note: '',
    annotations: [] as Annotation[],
  }));
  for (let i = 0; i < TOTAL; i++) {
    const start = (i * 7) % (ARTICLE_TEXT.length - 10);
    shards[i % ARTICLES]!.annotations.push({
      id: highlightId(i),
      articleId: ids[i % ARTICLES]!,
      target: describeRange(ARTICLE_TEXT, start, start + 5),
      color: 'yellow',
      note: `ghi chú ${i}`,
      tags: [],
      createdAt: at,
      updatedAt: at,
      deleted: false,
      orphaned: false,
    });
  }
  const articles = ids.map((id) =>
    articleMeta({ id, sourceFile: `articles/${id}.txt`, highlightCount: PER_ARTICLE }),
  );
  return DeviceState.fresh(A, { articles, tags: [], settings: { ...DEFAULT_SETTINGS } }, shards);
}

/** Changes the highlights numbered `from` to `to` (exclusive) on `device`, each by `change(record, n)`. */
function changeRange(
  device: DeviceState,
  from: number,
  to: number,
  change: (h: Annotation, n: number) => void,
) {
  const stamp = new Date(Date.UTC(2026, 0, 2)).toISOString();
  const byArticle = ids.map(() => new Map<string, number>());
  for (let i = from; i < to; i++) byArticle[i % ARTICLES]!.set(highlightId(i), i);
  for (const [a, numbers] of byArticle.entries()) {
    device.update(ids[a]!, new Set(numbers.keys()), (record) => {
      change(record, numbers.get(record.id)!);
      record.updatedAt = stamp;
    });
  }
}

test('devices: opening 100,000 highlight changes from three computers vs one compacted computer', async () => {
  const [library, single, arrived] = [
    path.join(root, 'three'),
    path.join(root, 'single'),
    path.join(root, 'arrived'),
  ];
  for (const dir of [library, single]) mkdirSync(dir);
  const generating = performance.now();
  const a = createdByA();
  const folderA = a.write(library);
  // B recolours highlights 0–24,999, C rewrites the notes of 12,500–37,499: half of them changed on both.
  const b = DeviceState.copyOf(a, B);
  await b.markSeen(folderA);
  changeRange(b, 0, TOTAL / 2, (h, n) => (h.color = HIGHLIGHT_COLORS[1 + (n % 4)]!));
  b.write(library);
  const c = DeviceState.copyOf(a, C);
  await c.markSeen(folderA);
  changeRange(c, TOTAL / 4, (3 * TOTAL) / 4, (h, n) => (h.note = `ghi chú sửa trên máy C ${n}`));
  c.write(library);
  cpSync(library, arrived, { recursive: true });
  const merged = await openAndRead(library, A);
  expect(merged.highlights).toHaveLength(TOTAL);
  expect(merged.highlights.filter((h) => h.note.startsWith('ghi chú sửa'))).toHaveLength(TOTAL / 2);
  expect(merged.highlights.filter((h) => h.color !== 'yellow')).toHaveLength(TOTAL / 2);

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

  const first: number[] = [];
  const next: number[] = [];
  const one: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const fresh = path.join(root, `run-${run}`);
    cpSync(arrived, fresh, { recursive: true });
    first.push((await openAndRead(fresh, A)).ms);
    next.push((await openAndRead(fresh, A)).ms);
    one.push((await openAndRead(single, D)).ms);
    rmSync(fresh, { recursive: true, force: true });
  }
  const [firstMs, nextMs, oneMs] = [first, next, one].map((samples) => percentiles(samples).median) as [
    number,
    number,
    number,
  ];
  report(
    `devices: open a library with 100,000 highlight changes from 3 computers (generated in ${Math.round(generated)} ms)`,
    [
      { name: 'floor: same state, one compacted computer', value: oneMs, unit: 'ms' },
      { name: "first open after B's and C's files arrived", value: firstMs, unit: 'ms' },
      { name: 'next open (nothing new)', value: nextMs, unit: 'ms' },
      {
        name: 'ratio, first open',
        value: firstMs / oneMs,
        unit: 'x',
        target: '<= 1.5x floor',
        met: firstMs / oneMs <= 1.5,
      },
      {
        name: 'ratio, next open',
        value: nextMs / oneMs,
        unit: 'x',
        target: '<= 1.5x floor',
        met: nextMs / oneMs <= 1.5,
      },
    ],
  );
});

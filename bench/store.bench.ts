import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { atomicWrite } from '../src/main/services/fs/atomic-write';
import { startServices } from '../src/main/services';
import { LibraryStore } from '../src/main/services/store';
import { shardCodec } from '../src/main/services/store/codecs';
import { describeRange } from '../src/shared/text/selectors';
import { HIGHLIGHT_COLORS, type Annotation } from '../src/shared/model/annotation';
import type { ArticleMeta } from '../src/shared/model/article';
import { percentiles, report } from './report';

const ARTICLES = 1_000;
const PER_ARTICLE = 100;
const ITERATIONS = 300;

const TEXT =
  'Sơn Trà là bán đảo nằm ở phía đông bắc thành phố Đà Nẵng, nơi đoàn khảo sát đã đến vào sáng thứ Hai. '.repeat(
    40,
  );

const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a library of ARTICLES articles with PER_ARTICLE highlights each straight to disk, as the store would. */
async function generateLibrary(): Promise<string[]> {
  const glossDir = path.join(dir, '.gloss');
  mkdirSync(path.join(glossDir, 'annotations'), { recursive: true });
  const at = '2024-05-01T08:00:00.000Z';
  const lastSession = new Date(Date.now() - 3_600_000);
  const articles: ArticleMeta[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    articles.push({
      id: randomUUID(),
      title: `Bài báo số ${i}`,
      author: 'Phóng viên',
      published: '2024-05-01',
      sourceFile: `articles/bai-${i}.txt`,
      format: 'txt',
      contentHash: createHash('sha256').update(String(i)).digest('hex'),
      wordCount: 900,
      charCount: TEXT.length,
      tags: i % 10 === 0 ? ['Đà Nẵng'] : [],
      progress: 0,
      highlightCount: PER_ARTICLE,
      createdAt: at,
      updatedAt: at,
      deleted: false,
    });
  }
  await writeFile(
    path.join(glossDir, 'library.json'),
    JSON.stringify(
      {
        schemaVersion: 1,
        articles,
        tags: [{ name: 'Đà Nẵng', color: null }],
        settings: { theme: 'light', font: 'serif', fontSize: 19 },
      },
      null,
      2,
    ),
  );
  for (const article of articles) {
    const annotations: Annotation[] = [];
    for (let j = 0; j < PER_ARTICLE; j++) {
      const start = (j * 37) % (TEXT.length - 60);
      annotations.push({
        id: randomUUID(),
        articleId: article.id,
        target: describeRange(TEXT, start, start + 20 + (j % 40)),
        color: HIGHLIGHT_COLORS[j % HIGHLIGHT_COLORS.length] ?? 'yellow',
        note: j % 3 === 0 ? `Ghi chú số ${j}: cần kiểm tra lại nguồn.` : '',
        tags: j % 5 === 0 ? ['Đà Nẵng'] : [],
        createdAt: at,
        updatedAt: at,
        deleted: false,
        orphaned: false,
      });
    }
    const file = path.join(glossDir, 'annotations', `${article.id}.json`);
    await writeFile(
      file,
      shardCodec(article.id).encode({ schemaVersion: 1, articleId: article.id, note: '', annotations }),
    );
    // As in a library that was closed normally, the index was written after its shards.
    await utimes(file, lastSession, lastSession);
  }
  return articles.map((article) => article.id);
}

/** The old floor (kept for one release): one plain write + fsync of the whole shard's bytes. */
async function plainWrite(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The floor: one append + fdatasync of the bytes the store appends (one journal entry). */
async function appendSync(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(bytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

it(
  'store: add one highlight and have it on disk, 1,000 articles / 100,000 highlights',
  async () => {
    const ids = await generateLibrary();
    const openStart = performance.now();
    const store = await LibraryStore.open(dir);
    const openMs = performance.now() - openStart;
    const articleId = ids[ARTICLES / 2] as string;
    const floorFile = path.join(dir, '.gloss', 'annotations', 'floor-probe.json');
    const rewriteFile = path.join(dir, '.gloss', 'annotations', 'rewrite-probe.json');
    const appendFile = path.join(dir, '.gloss', 'annotations', 'append-probe.journal');
    await store.listAnnotations(articleId);
    /** The shard's bytes as a whole-file write would put them on disk now. */
    const shardBytes = async () =>
      Buffer.from(
        shardCodec(articleId).encode({
          schemaVersion: 1,
          articleId,
          note: await store.getArticleNote(articleId),
          annotations: await store.listAnnotations(articleId),
        }),
      );

    const storeSamples: number[] = [];
    const appendSamples: number[] = [];
    const floorSamples: number[] = [];
    const rewriteSamples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = (i * 53) % (TEXT.length - 40);
      const t0 = performance.now();
      const created = await store.createAnnotation({
        articleId,
        target: describeRange(TEXT, start, start + 30),
        color: 'yellow',
      });
      await store.flush();
      storeSamples.push(performance.now() - t0);

      // The journal entry the store appended: the changed highlight, one JSON line.
      const entry = Buffer.from(JSON.stringify({ annotations: [created] }) + '\n');
      const ta = performance.now();
      await appendSync(appendFile, entry);
      appendSamples.push(performance.now() - ta);

      const bytes = await shardBytes();
      const t1 = performance.now();
      await plainWrite(floorFile, bytes);
      floorSamples.push(performance.now() - t1);

      const t2 = performance.now();
      await atomicWrite(rewriteFile, bytes);
      rewriteSamples.push(performance.now() - t2);
    }
    const finalBytes = (await shardBytes()).length;
    const loadStart = performance.now();
    await store.listTags();
    const loadAllMs = performance.now() - loadStart;
    expect((await store.listAnnotations(articleId)).length).toBe(PER_ARTICLE + ITERATIONS);
    await store.close();

    const measured = percentiles(storeSamples);
    const appendFloor = percentiles(appendSamples);
    const floor = percentiles(floorSamples);
    const rewrite = percentiles(rewriteSamples);
    const ratio = measured.median / appendFloor.median;
    report(
      `Store: add one highlight + flush to disk (${ARTICLES} articles, ${ARTICLES * PER_ARTICLE} highlights, ` +
        `${ITERATIONS} runs, shard ${PER_ARTICLE}→${PER_ARTICLE + ITERATIONS} highlights, ${Math.round(finalBytes / 1024)} KB at the end)`,
      [
        { name: 'open library', value: openMs, unit: 'ms' },
        {
          name: 'createAnnotation + flush, median',
          value: measured.median,
          unit: 'ms',
          target: '< 20 ms',
          met: measured.median < 20,
        },
        { name: 'createAnnotation + flush, p95', value: measured.p95, unit: 'ms' },
        { name: 'floor: append + fdatasync of the entry, median', value: appendFloor.median, unit: 'ms' },
        { name: 'floor: append + fdatasync of the entry, p95', value: appendFloor.p95, unit: 'ms' },
        { name: 'median ratio to floor', value: ratio, unit: 'x', target: '<= 2x floor', met: ratio <= 2 },
        { name: 'old floor: write + fsync of the shard, median', value: floor.median, unit: 'ms' },
        { name: 'old floor: write + fsync of the shard, p95', value: floor.p95, unit: 'ms' },
        { name: 'median ratio to old floor', value: measured.median / floor.median, unit: 'x' },
        { name: 'whole-shard atomicWrite of the same bytes, median', value: rewrite.median, unit: 'ms' },
        { name: 'whole-shard atomicWrite of the same bytes, p95', value: rewrite.p95, unit: 'ms' },
        { name: 'first listTags (reads all 1,000 shards)', value: loadAllMs, unit: 'ms' },
      ],
    );
  },
  30 * 60_000,
);

/** The floor of an acknowledged change: open a small file, append `line`, fdatasync, close. */
async function appendAndSync(file: string, line: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.write(line);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

const CLIENTS = 4;
const PER_CLIENT = 100;
/** Rounds of the concurrent clients: their throughput varies with the machine's load, so the median is reported. */
const ROUNDS = 5;

it(
  'store: add-highlight acknowledged once durable, alone and from 4 concurrent clients',
  async () => {
    const library = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-ack-'));
    const services = await startServices({ libraryPath: library, host: 'cli', watch: false });
    try {
      const imported = await services.dispatch('importFile', {
        name: 'son-tra.txt',
        data: Buffer.from(TEXT).toString('base64'),
      });
      if (!imported.ok) throw new Error(imported.error.message);
      const articleId = (imported.value as { article: ArticleMeta }).article.id;
      const create = async (n: number) => {
        const start = (n * 53) % (TEXT.length - 40);
        const result = await services.dispatch('createAnnotation', {
          articleId,
          start,
          end: start + 30,
          color: 'yellow',
        });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as Annotation;
      };

      const floorFile = path.join(library, '.gloss', 'fdatasync-probe.journal');
      const ackSamples: number[] = [];
      const floorSamples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const t0 = performance.now();
        const created = await create(i);
        ackSamples.push(performance.now() - t0);
        const line = JSON.stringify({ annotations: [created] }) + '\n';
        const t1 = performance.now();
        await appendAndSync(floorFile, line);
        floorSamples.push(performance.now() - t1);
      }

      // Each round: CLIENTS clients, each creating PER_CLIENT highlights one after the other.
      const rates: number[] = [];
      // The process's CPU (user + system, every thread) per acknowledged highlight: what the rate
      // depends on when the cores are shared, and much less noisy than the rate.
      const cpuPerHighlight: number[] = [];
      let total = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const cpu = process.cpuUsage();
        const t2 = performance.now();
        const acknowledged = await Promise.all(
          Array.from({ length: CLIENTS }, async (_, client) => {
            let count = 0;
            for (let n = 0; n < PER_CLIENT; n++) {
              await create((round * CLIENTS + client) * PER_CLIENT + n);
              count++;
            }
            return count;
          }),
        );
        const done = acknowledged.reduce((a, b) => a + b, 0);
        rates.push(done / ((performance.now() - t2) / 1000));
        const used = process.cpuUsage(cpu);
        cpuPerHighlight.push((used.user + used.system) / 1000 / done);
        total += done;
      }
      const perSecond = percentiles(rates).median;
      const stored = await services.dispatch('listAnnotations', { articleId });
      expect(stored.ok && (stored.value as unknown[]).length).toBe(ITERATIONS + total);
      // Each client waits for its answer before asking again, so at best the CLIENTS highlights of a
      // round share one fdatasync: the ceiling is CLIENTS per fdatasync of the mean floor (its slow
      // tail, on a busy disk, counts as much as its median).
      const meanFloor = floorSamples.reduce((a, b) => a + b, 0) / floorSamples.length;
      const ceiling = (CLIENTS * 1000) / meanFloor;

      const ack = percentiles(ackSamples);
      const floor = percentiles(floorSamples);
      const ratio = ack.median / floor.median;
      report(
        `Store: add-highlight acknowledged and durable (through dispatch; ${ITERATIONS} sequential, ` +
          `then ${ROUNDS} rounds of ${CLIENTS} clients x ${PER_CLIENT} concurrent; load average ` +
          `${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores)`,
        [
          { name: 'createAnnotation until acknowledged, median', value: ack.median, unit: 'ms' },
          { name: 'createAnnotation until acknowledged, p95', value: ack.p95, unit: 'ms' },
          { name: 'floor: open + append + fdatasync, median', value: floor.median, unit: 'ms' },
          { name: 'floor: open + append + fdatasync, p95', value: floor.p95, unit: 'ms' },
          { name: 'median ratio to floor', value: ratio, unit: 'x', target: '<= 2x floor', met: ratio <= 2 },
          {
            name: `acknowledged highlights per second, ${CLIENTS} clients, median of ${ROUNDS} rounds`,
            value: perSecond,
            unit: '/s',
            target: '>= 500/s',
            met: perSecond >= 500,
          },
          { name: '    slowest round', value: Math.min(...rates), unit: '/s' },
          { name: '    fastest round', value: Math.max(...rates), unit: '/s' },
          {
            name: `process CPU per acknowledged highlight, median of ${ROUNDS} rounds`,
            value: percentiles(cpuPerHighlight).median,
            unit: 'ms',
          },
          { name: 'floor: open + append + fdatasync, mean', value: meanFloor, unit: 'ms' },
          {
            name: `ceiling: ${CLIENTS} highlights per mean fdatasync of the floor`,
            value: ceiling,
            unit: '/s',
          },
          { name: '    ratio to ceiling', value: perSecond / ceiling, unit: 'x' },
        ],
      );
    } finally {
      await services.stop();
      rmSync(library, { recursive: true, force: true });
    }
  },
  30 * 60_000,
);

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServices, type Services } from '../src/main/services';
import { LibraryStore } from '../src/main/services/store';
import type { ChangeBatch } from '../src/shared/model/change';
import { HIGHLIGHT_COLORS, type Annotation } from '../src/shared/model/annotation';
import { bigArticle, scatterHighlights } from './fixtures/big-article';
import { percentiles, report } from './report';

/**
 * What the reader fetches after one highlight is added to a 5 MB article
 * with 10,000 highlights: the requests it makes when the change reaches it,
 * through the services' dispatch, measured as the JSON the web host would send
 * (bytes) and the time to answer, serialise and parse them (ms).
 */
const HIGHLIGHTS = 10_000;
const RUNS = 5;

let libraryDir: string;
let services: Services;
let articleId: string;

type Call = [name: string, params: unknown];

async function call<T>(name: string, params: unknown): Promise<T> {
  const result = await services.dispatch(name, params);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** Answers `calls` as the web host would (one JSON body each), and parses the bodies as the renderer would. */
async function fetchAll(calls: Call[]): Promise<{ bytes: number; ms: number }> {
  const started = performance.now();
  const bodies = await Promise.all(
    calls.map(async ([name, params]) => JSON.stringify(await services.dispatch(name, params))),
  );
  for (const body of bodies) JSON.parse(body);
  return {
    bytes: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
    ms: performance.now() - started,
  };
}

beforeAll(async () => {
  libraryDir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-sync-'));
  services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
  const { text } = bigArticle(5_000_000);
  const imported = await call<{ article: { id: string } }>('importFile', {
    name: 'sach-dai.txt',
    data: Buffer.from(`Sách dài\n\n${text}`).toString('base64'),
  });
  articleId = imported.article.id;
  const canonical = (await call<{ text: string }>('getArticle', { id: articleId })).text;
  await services.stop();
  const store = await LibraryStore.open(libraryDir);
  for (const [i, target] of scatterHighlights(canonical, HIGHLIGHTS, 7).entries()) {
    await store.createAnnotation({
      articleId,
      target,
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
    });
  }
  await store.close();
  services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
}, 20 * 60_000);

afterAll(async () => {
  await services?.stop();
  rmSync(libraryDir, { recursive: true, force: true });
});

test('sync: what the reader refetches after one highlight is added', async () => {
  const before: { bytes: number; ms: number }[] = [];
  const after: { bytes: number; ms: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const since = services.changes.revision;
    const created = await call<Annotation>('createAnnotation', {
      articleId,
      start: 1000 + run * 50,
      end: 1020 + run * 50,
      color: 'yellow',
    });
    await services.flush();
    const batch = await call<ChangeBatch>('waitForChanges', { since, timeoutMs: 0 });
    expect(batch.events).toEqual([{ kind: 'annotations-changed', articleId, ids: [created.id] }]);
    // Before: a bare revision woke the reader, which reloaded the list, the article's record and
    // structure, every highlight, and the tags.
    before.push(
      await fetchAll([
        ['takeNotices', {}],
        ['listArticles', {}],
        ['getArticleExcerpt', { id: articleId, around: 0 }],
        ['listAnnotations', { articleId }],
        ['listTags', {}],
      ]),
    );
    // After: the events name the highlight; the reader fetches it, and the tag counts.
    after.push(
      await fetchAll([
        ['waitForChanges', { since, timeoutMs: 0 }],
        ['takeNotices', {}],
        ['listAnnotations', { articleId, ids: [created.id] }],
        ['listTags', {}],
      ]),
    );
  }
  const median = (list: { bytes: number; ms: number }[], key: 'bytes' | 'ms') =>
    percentiles(list.map((entry) => entry[key])).median;
  report(`Sync: refetch after adding one highlight to an article with ${HIGHLIGHTS} highlights`, [
    {
      name: 'before: bytes fetched (revision, then reload)',
      value: median(before, 'bytes') / 1e6,
      unit: 'MB',
    },
    { name: 'before: answer + serialise + parse', value: median(before, 'ms'), unit: 'ms' },
    { name: 'after: bytes fetched (events, then by id)', value: median(after, 'bytes') / 1e3, unit: 'kB' },
    { name: 'after: answer + serialise + parse', value: median(after, 'ms'), unit: 'ms' },
  ]);
  expect(median(after, 'bytes')).toBeLessThan(median(before, 'bytes') / 100);
});

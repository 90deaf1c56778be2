import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { followChanges, type FollowedLibrary } from '../src/main/services/search/follow-changes';
import { SearchService } from '../src/main/services/search/search-service';
import type { Annotation } from '../src/shared/model/annotation';
import type { ArticleMeta, Block } from '../src/shared/model/article';
import { bigArticle } from './fixtures/big-article';
import { percentiles, report } from './report';

const MANY = 10_000;
const SAMPLE = 200;
const FLOOR_ID = '44444444-4444-4444-8444-444444444444';
const BIG_ID = '55555555-5555-4555-8555-555555555555';
const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-follow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function meta(id: string, text: string): ArticleMeta {
  return {
    id,
    title: 'Sơn Trà',
    author: null,
    published: null,
    sourceFile: `articles/${id}.txt`,
    format: 'txt',
    contentHash: `hash-${text.length}`,
    wordCount: 0,
    charCount: text.length,
    tags: [],
    progress: 0,
    highlightCount: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    deleted: false,
  };
}

/** An article in memory whose highlights the follower reads back by id, as the store does. */
interface Held {
  meta: ArticleMeta;
  text: string;
  blocks: Block[];
  annotations: Map<string, Annotation>;
}

function highlight(article: Held, i: number): Annotation {
  const start = (i * 7919) % (article.text.length - 100);
  return {
    id: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
    articleId: article.meta.id,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact: article.text.slice(start, start + 40),
        prefix: '',
        suffix: '',
      },
      position: { type: 'TextPositionSelector', start, end: start + 40 },
    },
    color: 'yellow',
    note: `ghi chú ${i}: bán đảo Sơn Trà`,
    tags: i % 3 === 0 ? ['Đà Nẵng'] : [],
    createdAt: '2024-01-02T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

it(
  'follow: one highlight change reaches the index in an article with 10,000 highlights vs one with none',
  async () => {
    const text = bigArticle().text;
    const held = new Map<string, Held>();
    for (const id of [FLOOR_ID, BIG_ID]) {
      held.set(id, {
        meta: meta(id, text),
        text,
        blocks: [{ kind: 'p', start: 0, end: text.length }],
        annotations: new Map(),
      });
    }
    const library: FollowedLibrary = {
      getArticle: (id) => held.get(id)?.meta,
      text: async (id) => held.get(id) as Held,
      listAnnotations: async (articleId, filter) => {
        const all = held.get(articleId)?.annotations ?? new Map<string, Annotation>();
        return filter?.ids ? filter.ids.flatMap((id) => all.get(id) ?? []) : [...all.values()];
      },
    };
    const search = await SearchService.open(dir, {
      listArticles: () => [...held.values()].map((a) => a.meta),
      readContent: async (id) => held.get(id),
      listAnnotations: library.listAnnotations,
      readCachedText: (id, _hash, start, end) => held.get(id)?.text.slice(start, end),
    });
    const follow = followChanges(search, library);
    for (const id of held.keys()) await follow({ kind: 'article-added', articleId: id }, 0);

    /** Adds highlight `i` to `article` and times until the index holds it. */
    const add = async (article: Held, i: number) => {
      const annotation = highlight(article, i);
      article.annotations.set(annotation.id, annotation);
      const t0 = performance.now();
      await follow({ kind: 'annotations-changed', articleId: article.meta.id, ids: [annotation.id] }, 0);
      return performance.now() - t0;
    };
    const big = held.get(BIG_ID) as Held;
    const floor = held.get(FLOOR_ID) as Held;
    const floorSamples: number[] = [];
    for (let i = 0; i < SAMPLE; i++) {
      floorSamples.push(await add(floor, MANY + i));
      const [only] = floor.annotations.keys();
      floor.annotations.clear();
      await follow({ kind: 'annotations-changed', articleId: FLOOR_ID, ids: [only as string] }, 0);
    }
    const started = performance.now();
    const bigSamples: number[] = [];
    for (let i = 0; i < MANY; i++) {
      const ms = await add(big, i);
      if (i >= MANY - SAMPLE) bigSamples.push(ms);
    }
    const totalMs = performance.now() - started;
    const found = search.search(`in:notes "ghi chú ${MANY - 1}"`);
    expect(JSON.stringify(found)).toContain(BIG_ID);

    const median = percentiles(bigSamples).median;
    const floorMedian = percentiles(floorSamples).median;
    const ratio = median / floorMedian;
    report('Search follower: one highlight change applied to the index (5 MB article)', [
      { name: `change at ${MANY} highlights, median`, value: median, unit: 'ms' },
      { name: `change at ${MANY} highlights, p95`, value: percentiles(bigSamples).p95, unit: 'ms' },
      { name: 'floor: the same change, article with none', value: floorMedian, unit: 'ms' },
      { name: 'at 10,000 / floor (medians)', value: ratio, unit: 'x', target: '<= 2x', met: ratio <= 2 },
      { name: `${MANY} changes one by one, total`, value: totalMs / 1000, unit: 's' },
      { name: 'before: 10,000 creates one by one, total', value: 92, unit: 's' },
    ]);
  },
  30 * 60_000,
);

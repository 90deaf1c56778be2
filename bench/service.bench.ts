import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { startServices } from '../src/main/services';
import { bigArticle } from './fixtures/big-article';
import { percentiles, report } from './report';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TIMED = 200;
const MANY = 10_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

it(
  'service: createAnnotation on a 5 MB article vs a 3 KB one, and memory after 10,000 highlights',
  async () => {
    const services = await startServices({ libraryPath: dir, host: 'web', watch: false });
    const call = async (name: string, params: unknown) => {
      const result = await services.dispatch(name as never, params as never);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { article: { id: string } };
    };
    const big = bigArticle().text;
    const small = big.slice(0, 3_000);
    const data = (text: string) => Buffer.from(text).toString('base64');
    const bigId = (await call('importFile', { name: 'lon.txt', data: data(big) })).article.id;
    const smallId = (await call('importFile', { name: 'nho.txt', data: data(small) })).article.id;
    await call('getArticle', { id: bigId });
    await services.flush();

    const create = (articleId: string, i: number, length: number) => {
      const start = (i * 7919) % (length - 100);
      return call('createAnnotation', { articleId, start, end: start + 40, color: 'yellow' });
    };
    const bigSamples: number[] = [];
    const smallSamples: number[] = [];
    for (let i = 0; i < TIMED; i++) {
      const t0 = performance.now();
      await create(bigId, i, big.length);
      bigSamples.push(performance.now() - t0);
      const t1 = performance.now();
      await create(smallId, i, small.length);
      smallSamples.push(performance.now() - t1);
    }
    await services.flush();

    const heapBefore = heapMB();
    const rssBefore = process.memoryUsage().rss / 2 ** 20;
    const manyStart = performance.now();
    for (let i = 0; i < MANY; i++) await create(bigId, i + TIMED, big.length);
    await services.flush();
    const manyMs = performance.now() - manyStart;
    const heapGrowth = heapMB() - heapBefore;
    const rssGrowth = process.memoryUsage().rss / 2 ** 20 - rssBefore;
    await services.stop();

    const bigMedian = percentiles(bigSamples).median;
    const smallMedian = percentiles(smallSamples).median;
    const ratio = bigMedian / smallMedian;
    expect(bigSamples).toHaveLength(TIMED);
    report(
      `Service: createAnnotation through the dispatcher (${(big.length / 1e6).toFixed(1)}M-char article)`,
      [
        { name: 'createAnnotation, 5 MB article, median', value: bigMedian, unit: 'ms' },
        { name: 'createAnnotation, 5 MB article, p95', value: percentiles(bigSamples).p95, unit: 'ms' },
        { name: 'floor: the same call on a 3 KB article, median', value: smallMedian, unit: 'ms' },
        { name: '5 MB / 3 KB (medians)', value: ratio, unit: 'x', target: '<= 2x', met: ratio <= 2 },
        { name: 'before (issue 21): re-read + validate per call', value: 43, unit: 'ms' },
        {
          name: `heap growth after ${MANY} more highlights`,
          value: heapGrowth,
          unit: 'MB',
          target: '< 50 MB',
          met: heapGrowth < 50,
        },
        { name: `RSS growth after ${MANY} more highlights`, value: rssGrowth, unit: 'MB' },
        { name: 'before (issue 21): per highlight', value: 7, unit: 'MB' },
        { name: `${MANY} creates one by one, total`, value: manyMs / 1000, unit: 's' },
      ],
    );
  },
  30 * 60_000,
);

import { chromium, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures';
import { startServices, type Services } from '../src/main/services';
import { glossDataDir } from '../src/main/services/library-path';
import { startWebHost, type WebHost } from '../src/main/hosts/web/web-host';
import { installCounters, median, readCounters } from './fixtures/page-timing';
import { seededRandom } from './fixtures/big-article';
import { report, rendererDir } from './report';

/**
 * The library view with 10,000 articles, through the web host in headless
 * Chromium. The floor is a static page of one screen of the same rows.
 */
const ARTICLES = 10_000;
const RUNS = 5;
const SCREEN_ROWS = 12;

let libraryDir: string;
let services: Services;
let host: WebHost;
let browser: Browser;

interface Row {
  id: string;
  title: string;
  author: string | null;
  tags: string[];
  createdAt: string;
  [key: string]: unknown;
}

const WORDS = ['Đà Nẵng', 'Sơn Trà', 'khảo sát', 'quy hoạch', 'du lịch', 'bảo tồn', 'rừng', 'biển'];

/**
 * Writes a library of ARTICLES copies of one imported article (each with its own id, and its own
 * content file in this computer's cache folder of the library) in the single-computer layout (`.gloss/library.json`), which the first open moves into
 * this computer's folder as it does for any library of that layout.
 */
async function writeLibrary(): Promise<void> {
  services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
  const result = await services.dispatch('importFile', {
    name: 'bai.txt',
    data: Buffer.from('Bài mẫu\n\nMột đoạn văn ngắn về Sơn Trà.\n').toString('base64'),
  });
  if (!result.ok) throw new Error(result.error.message);
  await services.stop();
  const devices = path.join(libraryDir, '.gloss', 'devices');
  const [device] = readdirSync(devices);
  const library = JSON.parse(readFileSync(path.join(devices, device!, 'library.json'), 'utf8')) as {
    articles: Row[];
    tags: unknown[];
    settings: unknown;
  };
  const { id: libraryId } = JSON.parse(
    readFileSync(path.join(devices, device!, 'library-id.json'), 'utf8'),
  ) as { id: string };
  // This computer's records go; its folder keeps the library id, so the caches below stay this library's.
  rmSync(path.join(devices, device!, 'library.json'));
  rmSync(path.join(devices, device!, 'annotations'), { recursive: true });
  const content = path.join(glossDataDir(), 'libraries', libraryId, '.gloss', 'content');
  const [model] = library.articles;
  const random = seededRandom(7);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const start = Date.parse('2024-01-01T00:00:00Z');
  library.articles = Array.from({ length: ARTICLES }, (_, i) => {
    const id = randomUUID();
    copyFileSync(path.join(content, `${model!.id}.json`), path.join(content, `${id}.json`));
    return {
      ...model!,
      id,
      title: `Bài ${i + 1}: ${pick()} và ${pick()}`,
      author: random() < 0.7 ? `Tác giả ${Math.floor(random() * 300)}` : null,
      tags: random() < 0.5 ? [pick()] : [],
      createdAt: new Date(start + i * 60_000).toISOString(),
    };
  });
  const { articles, tags, settings } = library;
  writeFileSync(
    path.join(libraryDir, '.gloss', 'library.json'),
    JSON.stringify({ schemaVersion: 1, articles, tags, settings }),
  );
}

beforeAll(async () => {
  libraryDir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-library-'));
  await writeLibrary();
  services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
  host = await startWebHost({ dispatch: services.dispatch, rendererDir: rendererDir() });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 10 * 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await services?.stop();
  rmSync(libraryDir, { recursive: true, force: true });
});

/** Loads `url` in a fresh page; ms from navigation start to the frame after a `.article-row` is present. */
async function firstRowMs(url: string): Promise<{ ms: number; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { firstRow: Promise<number> };
    w.firstRow = new Promise((resolve) => {
      const poll = () =>
        document.querySelector('.article-row')
          ? requestAnimationFrame(() => resolve(performance.now()))
          : requestAnimationFrame(poll);
      requestAnimationFrame(poll);
    });
  });
  await page.goto(url);
  const ms = await page.evaluate(() => (window as unknown as { firstRow: Promise<number> }).firstRow);
  return { ms, page };
}

/** One screen of rows as static HTML, with the markup and text of the app's first rows. */
function staticRows(): string {
  const rows = Array.from(
    { length: SCREEN_ROWS },
    (_, i) =>
      `<li class="article-row"><div><button>Bài ${ARTICLES - i}: Đà Nẵng và Sơn Trà</button>` +
      `<div><span>Tác giả ${i}</span><span>0 highlights</span><span>#biển</span></div></div>` +
      `<progress max="100" value="0"></progress><div><button>Edit</button><button>Delete</button></div></li>`,
  ).join('');
  return `<!doctype html><meta charset="utf-8"><style>li{display:grid;grid-template-columns:1fr 7rem auto;padding:.8rem 0;border-bottom:1px solid #ddd}</style><body style="max-width:64rem;margin:auto;font:16px sans-serif"><ul style="list-style:none">${rows}</ul>`;
}

test(`library: ${ARTICLES} articles, first row`, async () => {
  const floorFile = path.join(libraryDir, 'floor.html');
  writeFileSync(floorFile, staticRows());
  const floor: number[] = [];
  const load: number[] = [];
  // BENCH_RENDERER_BEFORE: the first row of another renderer build too, over the same services and data.
  const beforeDir = process.env.BENCH_RENDERER_BEFORE;
  const other =
    beforeDir && (await startWebHost({ dispatch: services.dispatch, rendererDir: path.resolve(beforeDir) }));
  const before: number[] = [];
  let elements = 0;
  for (let run = 0; run < RUNS; run++) {
    const f = await firstRowMs(`file://${floorFile}`);
    floor.push(f.ms);
    await f.page.close();

    if (other) {
      const b = await firstRowMs(other.url);
      before.push(b.ms);
      await b.page.close();
    }

    const { ms, page } = await firstRowMs(host.url);
    load.push(ms);
    await page.waitForTimeout(1000);
    elements = await page.evaluate(() => document.querySelectorAll('*').length);
    await page.close();
  }
  if (other) await other.close();
  const floorMs = median(floor);
  const loadMs = median(load);
  report(`Library: ${ARTICLES} articles, first row (median of ${RUNS})`, [
    { name: `floor: static page of ${SCREEN_ROWS} rows, first row`, value: floorMs, unit: 'ms' },
    { name: 'page load → first row painted', value: loadMs, unit: 'ms' },
    {
      name: '    ratio to floor',
      value: loadMs / floorMs,
      unit: 'x',
      target: '<= 1.5x',
      met: loadMs / floorMs <= 1.5,
    },
    ...(other
      ? [
          { name: `    the renderer in ${beforeDir}`, value: median(before), unit: 'ms' as const },
          { name: '    its ratio to floor', value: median(before) / floorMs, unit: 'x' as const },
        ]
      : []),
    { name: 'elements in the page', value: elements, unit: 'count' },
  ]);
});

test(`library: ${ARTICLES} articles, filtering and scrolling`, async () => {
  let filterTasks: number[] = [];
  let scrollTasks: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { page } = await firstRowMs(host.url);
    // The whole list in, and the idle-time loads done.
    await page.waitForTimeout(1000);

    await installCounters(page);
    const box = page.getByRole('searchbox', { name: 'Filter articles' });
    if (!(await box.count())) {
      await page.screenshot({ path: path.resolve('.bench/library-no-filter.png') });
      throw new Error(`no filter box: ${(await page.locator('body').innerText()).slice(0, 300)}`);
    }
    await box.pressSequentially('son tra', { delay: 120 });
    await page.waitForTimeout(500);
    await box.fill('');
    await page.waitForTimeout(500);
    filterTasks = filterTasks.concat((await readCounters(page)).longTasks);

    await installCounters(page);
    await page.mouse.move(640, 500);
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(50);
    }
    await page.evaluate(() => document.querySelector('.app-main')!.scrollTo({ top: 1e9 }));
    await page.waitForTimeout(500);
    scrollTasks = scrollTasks.concat((await readCounters(page)).longTasks);
    await page.close();
  }
  const longestFilter = Math.max(0, ...filterTasks);
  const longestScroll = Math.max(0, ...scrollTasks);
  report(`Library: ${ARTICLES} articles, filtering and scrolling (${RUNS} runs)`, [
    {
      name: 'longest long task while filtering',
      value: longestFilter,
      unit: 'ms',
      target: '<= 50 ms',
      met: longestFilter <= 50,
    },
    {
      name: 'longest long task while scrolling',
      value: longestScroll,
      unit: 'ms',
      target: '<= 50 ms',
      met: longestScroll <= 50,
    },
  ]);
});

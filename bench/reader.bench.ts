import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures';
import { startServices, type Services } from '../src/main/services';
import { LibraryStore } from '../src/main/services/store';
import { startWebHost, type WebHost } from '../src/main/hosts/web/web-host';
import { findAll } from '../src/shared/text/find';
import { HIGHLIGHT_COLORS } from '../src/shared/model/annotation';
import { bigArticle, scatterHighlights } from './fixtures/big-article';
import type { Annotation } from '../src/shared/model/annotation';
import type { ArticleExcerpt } from '../src/shared/model/article';
import {
  installCounters,
  median,
  readCounters,
  staticReaderPage,
  timeAction,
  wholeLoaded,
} from './fixtures/page-timing';
import { report, rendererDir } from './report';

/**
 * The reader on a book-length article: ~5 MB of text with 10,000 highlights,
 * through the web host in headless Chromium. Floors: opening is held to a
 * static page of the paragraphs first shown with their marks (the old floor,
 * the whole text as plain paragraphs, is printed beside it); an edit to one
 * API round trip of the same call plus one frame.
 */
const HIGHLIGHTS = 10_000;
const RUNS = 5;

let libraryDir: string;
let services: Services;
let host: WebHost;
let browser: Browser;
let title: string;
let articleId: string;
let text: string;

async function call<T>(name: string, params: unknown): Promise<T> {
  const result = await services.dispatch(name, params);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  libraryDir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-reader-'));
  const article = bigArticle(5_000_000);
  text = article.text;
  title = 'Sách dài: tuyển tập khảo sát';
  services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
  const imported = await call<{ article: { id: string } }>('importFile', {
    name: 'sach-dai.txt',
    data: Buffer.from(`${title}\n\n${text}`).toString('base64'),
  });
  const id = imported.article.id;
  articleId = id;
  const content = await call<{ text: string }>('getArticle', { id });
  text = content.text;
  await services.stop();
  // The highlights go straight into the store; the services then index them once at start.
  const store = await LibraryStore.open(libraryDir);
  for (const [i, target] of scatterHighlights(text, HIGHLIGHTS, 7).entries()) {
    await store.createAnnotation({
      articleId: id,
      target,
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
    });
  }
  await store.close();
  services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
  host = await startWebHost({ dispatch: services.dispatch, rendererDir: rendererDir() });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await services?.stop();
  rmSync(libraryDir, { recursive: true, force: true });
});

/** A reader page (own context) with the big article open, its whole text and highlights loaded. */
async function openReader(url = host.url): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.locator('.article-body[aria-busy="false"]').waitFor();
  await page.waitForTimeout(1500);
  return { page, close: () => context.close() };
}

/** Chromium loading `html` from a file and drawing its first frame, in ms. */
async function staticPageMs(file: string, html: string): Promise<number> {
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const started = Date.now();
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const ms = Date.now() - started;
  await page.close();
  return ms;
}

test('reader: open, find, scroll and memory on a 5 MB article with 10,000 highlights', async () => {
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  const wholeFloorHtml = `<!doctype html><meta charset="utf-8"><body style="max-width:40rem">${paragraphs}`;

  const wholeFloor: number[] = [];
  const floor: number[] = [];
  const open: number[] = [];
  const find: number[] = [];
  const scroll: number[] = [];
  const whole: number[] = [];
  const danCount = findAll(text, 'dan').starts.length;
  const dangCount = findAll(text, 'dang').starts.length;
  let heapMb = 0;
  for (let run = 0; run < RUNS; run++) {
    wholeFloor.push(await staticPageMs(path.join(libraryDir, 'floor-whole.html'), wholeFloorHtml));
    // The same calls the reader makes first, so the floor shows the paragraphs and marks it will show.
    const first = await call<ArticleExcerpt & { annotations: Annotation[] }>('getArticleExcerpt', {
      id: articleId,
    });
    const shown = first.blocks;
    floor.push(
      await staticPageMs(
        path.join(libraryDir, 'floor.html'),
        staticReaderPage(text, shown, first.annotations),
      ),
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const button = page.getByRole('button', { name: title, exact: true });
    await button.waitFor();
    const hl = { kind: 'mark', selector: '.article-body mark.hl' } as const;
    open.push(await timeAction(page, 'click', hl, () => button.click()));
    // The whole text and every highlight follow the first screen; find works on the whole text.
    whole.push(await wholeLoaded(page));
    await page.waitForTimeout(1500);

    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Find in article' });
    await box.fill('dan');
    await page
      .getByRole('status')
      // The count as the English interface writes it (24,753).
      .filter({ hasText: `/ ${danCount.toLocaleString('en-US')}` })
      .waitFor();
    const hit = { kind: 'mark', selector: '.article-body mark.find-hit', count: dangCount } as const;
    find.push(await timeAction(page, 'keydown', hit, () => box.press('g')));
    await box.press('Escape');

    scroll.push(
      await timeAction(page, null, hl, () =>
        page.evaluate(() => {
          const s = document.querySelector('.reader-scroll')!;
          (window as unknown as { actionStart: number }).actionStart = performance.now();
          s.scrollTop = s.scrollHeight / 2;
        }),
      ),
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    heapMb = Math.max(heapMb, heap.usedSize / 2 ** 20);
    await context.close();
  }

  const floorMs = median(floor);
  const wholeFloorMs = median(wholeFloor);
  const openMs = median(open);
  report(
    `Reader: ${(text.length / 1e6).toFixed(1)}M characters, ${HIGHLIGHTS} highlights (median of ${RUNS})`,
    [
      { name: 'floor: first 150 paragraphs with marks, static', value: floorMs, unit: 'ms' },
      { name: 'old floor: whole text as plain paragraphs', value: wholeFloorMs, unit: 'ms' },
      {
        name: '(a) open → first screen with highlights',
        value: openMs,
        unit: 'ms',
        target: '< 300 ms',
        met: openMs < 300,
      },
      {
        name: '(a) ratio to floor',
        value: openMs / floorMs,
        unit: 'x',
        target: '<= 1.5x',
        met: openMs / floorMs <= 1.5,
      },
      { name: '(a) ratio to old floor', value: openMs / wholeFloorMs, unit: 'x' },
      { name: '    then the whole text and all highlights loaded', value: median(whole), unit: 'ms' },
      {
        name: '(b) find keystroke → marks and count',
        value: median(find),
        unit: 'ms',
        target: '< 100 ms',
        met: median(find) < 100,
      },
      {
        name: '(c) scroll to middle → highlights painted',
        value: median(scroll),
        unit: 'ms',
        target: '< 100 ms',
        met: median(scroll) < 100,
      },
      { name: '(d) renderer JS heap', value: heapMb, unit: 'MB', target: '< 300 MB', met: heapMb < 300 },
    ],
  );
});

/** In the page: one createAnnotation round trip over [start, end) through the web API, then a frame, in ms. */
function roundTripMs(page: Page, start: number, end: number): Promise<number> {
  return page.evaluate(
    async ({ articleId, start, end }) => {
      const t0 = performance.now();
      const response = await fetch('/api/createAnnotation', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Gloss-Token': sessionStorage.getItem('gloss.token') ?? '',
        },
        body: JSON.stringify({ articleId, start, end, color: 'green' }),
      });
      if (!(await response.json()).ok) throw new Error('createAnnotation failed');
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    },
    { articleId, start, end },
  );
}

/** In the page: selects the first 8 unhighlighted characters of a paragraph in view; returns its index. */
function selectPlainText(page: Page, skip: number): Promise<{ block: number; before: number }> {
  return page.evaluate((skip) => {
    const scroller = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('.article-body p[data-block]'));
    const inView = blocks.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > scroller.top + 40 && r.top < scroller.bottom - 40;
    });
    for (const block of [...inView.slice(skip % inView.length), ...inView]) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('mark') || (node.textContent ?? '').trim().length < 12) continue;
        const range = document.createRange();
        range.setStart(node, 2);
        range.setEnd(node, 10);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        const ids = new Set(
          Array.from(
            block.querySelectorAll<HTMLElement>('mark[data-annotation-id]'),
            (m) => m.dataset.annotationId,
          ),
        );
        return { block: Number(block.dataset.block), before: ids.size };
      }
    }
    throw new Error('no unhighlighted text in view');
  }, skip);
}

/** Adds and opens highlights RUNS times in the reader at `url`; `label` names the renderer build. */
async function measureEdits(url: string, label: string): Promise<void> {
  const { page, close } = await openReader(url);
  await page.evaluate(() => {
    const s = document.querySelector('.reader-scroll')!;
    s.scrollTop = s.scrollHeight / 2;
  });
  await page.waitForTimeout(1500);
  const floor: number[] = [];
  const add: number[] = [];
  const select: number[] = [];
  const closeEditor = async () => {
    await page.locator('.annotation-editor').getByRole('button', { name: 'Close' }).click();
    await page.waitForTimeout(1000);
  };
  for (let run = 0; run < RUNS; run++) {
    const at = Math.floor((text.length * (run + 1)) / (RUNS + 2));
    floor.push(await roundTripMs(page, at, at + 8));
    await page.waitForTimeout(1000);

    const { block, before } = await selectPlainText(page, run);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    const done = { kind: 'new-mark', block, before } as const;
    add.push(await timeAction(page, 'click', done, () => toolbar.getByLabel('Highlight Yellow').click()));
    await closeEditor();

    const id = await page.evaluate((run) => {
      const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
      const marks = Array.from(document.querySelectorAll<HTMLElement>('.article-body mark.hl')).filter(
        (m) => {
          const r = m.getBoundingClientRect();
          return r.top > view.top && r.bottom < view.bottom;
        },
      );
      const ids = [...new Set(marks.map((m) => m.dataset.annotationId!))];
      return ids[(run * 3) % ids.length]!;
    }, run);
    const mark = page.locator(`.article-body mark[data-annotation-id="${id}"]`).first();
    const [picked] = await call<Annotation[]>('listAnnotations', { articleId, ids: [id] });
    const editor = { kind: 'editor', quote: picked!.target.quote.exact } as const;
    select.push(await timeAction(page, 'click', editor, () => mark.click()));
    await closeEditor();
  }
  await close();
  const floorMs = median(floor);
  const ratio = (ms: number) =>
    ({ value: ms / floorMs, unit: 'x', target: '<= 3x', met: ms / floorMs <= 3 }) as const;
  report(`Reader edits${label}: ${HIGHLIGHTS} highlights, reader at the middle (median of ${RUNS})`, [
    { name: 'floor: createAnnotation round trip + one frame', value: floorMs, unit: 'ms' },
    { name: 'add highlight: click → mark painted', value: median(add), unit: 'ms' },
    { name: '    ratio to floor', ...ratio(median(add)) },
    { name: 'click a highlight → editor and row shown', value: median(select), unit: 'ms' },
    { name: '    ratio to floor', ...ratio(median(select)) },
  ]);
}

test('reader: add a highlight and open one, with 10,000 highlights', async () => {
  await measureEdits(host.url, '');
  // BENCH_RENDERER_BEFORE: the same figures for another renderer build, over the same services and data.
  const before = process.env.BENCH_RENDERER_BEFORE;
  if (!before) return;
  const other = await startWebHost({ dispatch: services.dispatch, rendererDir: path.resolve(before) });
  try {
    await measureEdits(other.url, ` (${before})`);
  } finally {
    await other.close();
  }
});

test('reader: a minute of reading fetches little and never freezes', async () => {
  const { page, close } = await openReader();
  await installCounters(page);
  const box = page.locator('.reader-scroll').boundingBox();
  const { x, y, width, height } = (await box)!;
  await page.mouse.move(x + width / 2, y + height / 2);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    // A few wheel notches, then a pause long enough for the reading position to be saved.
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(1500);
  }
  const counters = await readCounters(page);
  await close();
  const kb = counters.apiBytes / 1000;
  const longest = Math.max(0, ...counters.longTasks);
  report('Reader: one minute of scrolling with pauses (each saves the position)', [
    {
      name: `API responses (${counters.apiRequests} requests)`,
      value: kb,
      unit: 'kB',
      target: '< 100 kB',
      met: kb < 100,
    },
    { name: 'longest long task', value: longest, unit: 'ms', target: '<= 50 ms', met: longest <= 50 },
  ]);
});

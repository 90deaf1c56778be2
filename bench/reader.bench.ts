import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures';
import { startServices, type Services } from '../src/main/services';
import { LibraryStore } from '../src/main/services/store';
import { startWebHost, type WebHost } from '../src/main/web-host';
import { HIGHLIGHT_COLORS } from '../src/shared/types';
import { bigArticle, scatterHighlights } from './fixtures/big-article';
import { report } from './report';

/**
 * The reader on a book-length article: ~5 MB of text with 10,000 highlights,
 * through the web host in headless Chromium. The floor is Chromium painting
 * the first screen of the same text as plain paragraphs, with no app.
 */
const HIGHLIGHTS = 10_000;
const RUNS = 5;

let libraryDir: string;
let services: Services;
let host: WebHost;
let browser: Browser;
let title: string;
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
  host = await startWebHost({ dispatch: services.dispatch, rendererDir: path.resolve('out/renderer') });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await services?.stop();
  rmSync(libraryDir, { recursive: true, force: true });
});

/** Waits until a mark is painted inside the visible part of the reader, then one more frame. */
async function waitForVisibleMark(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const scroller = document.querySelector('.reader-scroll');
      if (!scroller) return false;
      const view = scroller.getBoundingClientRect();
      return Array.from(document.querySelectorAll(sel)).some((m) => {
        const r = m.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      });
    },
    selector,
    { polling: 'raf', timeout: 60_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

test('reader: open, find, scroll and memory on a 5 MB article with 10,000 highlights', async () => {
  const floorFile = path.join(libraryDir, 'floor.html');
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  writeFileSync(
    floorFile,
    `<!doctype html><meta charset="utf-8"><body style="max-width:40rem">${paragraphs}`,
  );

  const floor: number[] = [];
  const open: number[] = [];
  const find: number[] = [];
  const scroll: number[] = [];
  let heapMb = 0;
  for (let run = 0; run < RUNS; run++) {
    const floorPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const f0 = Date.now();
    await floorPage.goto(`file://${floorFile}`, { waitUntil: 'load' });
    await floorPage.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    floor.push(Date.now() - f0);
    await floorPage.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const button = page.getByRole('button', { name: title, exact: true });
    await button.waitFor();
    const t0 = Date.now();
    await button.click();
    await waitForVisibleMark(page, '.article-body mark.hl');
    open.push(Date.now() - t0);

    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Find in article' });
    const t1 = Date.now();
    await box.fill('dang');
    await page.waitForFunction(
      () => /\d+ \/ \d+/.test(document.querySelector('.find-count')?.textContent ?? ''),
      null,
      {
        polling: 'raf',
      },
    );
    await waitForVisibleMark(page, '.article-body mark.find-hit');
    find.push(Date.now() - t1);
    await box.press('Escape');

    const t2 = Date.now();
    await page.evaluate(() => {
      const s = document.querySelector('.reader-scroll')!;
      s.scrollTop = s.scrollHeight / 2;
    });
    await waitForVisibleMark(page, '.article-body mark.hl');
    scroll.push(Date.now() - t2);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    heapMb = Math.max(heapMb, heap.usedSize / 2 ** 20);
    await context.close();
  }

  const floorMs = median(floor);
  const openMs = median(open);
  report(
    `Reader: ${(text.length / 1e6).toFixed(1)}M characters, ${HIGHLIGHTS} highlights (median of ${RUNS})`,
    [
      { name: 'floor: plain paragraphs, first screen painted', value: floorMs, unit: 'ms' },
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

import { describe, expect, it } from 'vitest';
import { renderExport } from '../src/main/services/export';
import { readZip } from '../src/main/services/import/epub/zip';
import { convertEpub } from '../src/main/services/import/epub/epub';
import { parseXml } from '../src/main/services/import/epub/package';
import { decode } from '../src/main/services/import/decode';
import { buildEpub, type FixtureChapter } from '../src/main/services/import/epub/fixtures/build-epub';
import { MemoryExportSource } from '../src/main/services/memory-export-source';
import type { Annotation } from '../src/shared/model/annotation';
import type { ArticleMeta } from '../src/shared/model/article';
import { describeRange } from '../src/shared/text/selectors';
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures';
import { startWebHost } from '../src/main/hosts/web/web-host';
import { startServices } from '../src/main/services';
import { LibraryStore } from '../src/main/services/store';
import { HIGHLIGHT_COLORS } from '../src/shared/model/annotation';
import { median, timeAction } from './fixtures/page-timing';
import { rendererDir, report } from './report';

const CHAPTERS = 300;
const TEXT_BYTES = 5_000_000;
const HIGHLIGHTS = 10_000;
const RUNS = 2;
/** Openings of the book in the reader: the first after the services start, then with its content in memory. */
const OPEN_RUNS = 3;
const BOOK_ID = '55555555-5555-4555-8555-555555555555';

const words =
  'Sông Hàn chảy qua thành phố Đà Nẵng, cầu Rồng phun lửa đêm thứ bảy; người dân đi chợ Hàn mua cá tươi từ biển Mỹ Khê.'.split(
    ' ',
  );
const sentence = (seed: number) =>
  Array.from({ length: 14 }, (_, i) => words[(seed * 7 + i * 5) % words.length]).join(' ') + '.';

/** 300 chapters of pretty-printed XHTML (indented, wrapped lines), about 5 MB of text in all. */
function generateBook(): Uint8Array {
  const perChapter = TEXT_BYTES / CHAPTERS;
  const chapters: FixtureChapter[] = [];
  for (let c = 0; c < CHAPTERS; c++) {
    const paragraphs: string[] = [];
    for (let size = 0, p = 0; size < perChapter; p++) {
      const text = [sentence(c + p), sentence(c + p + 1), sentence(c + p + 2)].join('\n      ');
      paragraphs.push(`\n    <p${p % 10 === 0 ? ` id="c${c}p${p}"` : ''}>${text} <em>${p}</em></p>`);
      size += Buffer.byteLength(text);
    }
    chapters.push({
      file: `ch${c + 1}.xhtml`,
      title: `Chương ${c + 1}`,
      body: `<section>\n    <h1>Chương ${c + 1}</h1>${paragraphs.join('')}\n  </section>`,
    });
  }
  return buildEpub({ chapters });
}

const ms = (from: number) => performance.now() - from;
/** The process's CPU time (user and system, every thread) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1000;
};

describe('EPUB', () => {
  it('imports a 5 MB book of 300 chapters against the floor of unzipping and parsing its XHTML', async () => {
    const bytes = generateBook();
    const imports: number[] = [];
    const floors: number[] = [];
    // CPU time of this process as well: on a loaded machine the wall-clock times are mostly waiting.
    const importCpu: number[] = [];
    const floorCpu: number[] = [];
    let book: ReturnType<typeof convertEpub> | undefined;
    for (let run = 0; run < RUNS; run++) {
      const floorStarted = performance.now();
      const floorUsage = process.cpuUsage();
      // The floor reads the same entries and parses each chapter with the same parser, nothing else.
      const zip = readZip(bytes, (name) => /\.(?:xml|opf|ncx|xhtml)$/.test(name));
      let elements = 0;
      for (const [name, file] of zip.files)
        if (name.endsWith('.xhtml'))
          elements += parseXml(decode(file, 'utf-8').text, 'application/xhtml+xml')!.getElementsByTagName(
            '*',
          ).length;
      floors.push(ms(floorStarted));
      floorCpu.push(cpuMs(floorUsage));
      expect(elements).toBeGreaterThan(CHAPTERS);

      const started = performance.now();
      const usage = process.cpuUsage();
      book = convertEpub(bytes);
      imports.push(ms(started));
      importCpu.push(cpuMs(usage));
    }
    const { text, blocks } = book!;
    expect(blocks.filter((b) => b.toc)).toHaveLength(CHAPTERS);

    const step = Math.floor(text.length / HIGHLIGHTS);
    const annotations: Annotation[] = Array.from({ length: HIGHLIGHTS }, (_, i) => ({
      id: `${(i + 1).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      articleId: BOOK_ID,
      target: describeRange(text, i * step, i * step + 40),
      color: 'yellow',
      note: '',
      tags: [],
      createdAt: '2024-04-02T09:00:00.000Z',
      updatedAt: '2024-04-02T09:00:00.000Z',
      deleted: false,
      orphaned: false,
    }));
    const article = {
      id: BOOK_ID,
      title: 'Sông Hàn',
      format: 'epub',
      author: null,
      published: null,
      sourceFile: 'articles/song-han.epub',
      tags: [],
      wordCount: 0,
      deleted: false,
    } as unknown as ArticleMeta;
    const source = new MemoryExportSource({
      articles: [article],
      annotations,
      contents: { [BOOK_ID]: { text, blocks } },
    });
    const exportStarted = performance.now();
    const [markdown] = await renderExport(source, { scope: { kind: 'article', id: BOOK_ID }, format: 'md' });
    const markdownMs = ms(exportStarted);
    const jsonStarted = performance.now();
    const [json] = await renderExport(source, { scope: { kind: 'article', id: BOOK_ID }, format: 'json' });
    const jsonMs = ms(jsonStarted);
    expect(markdown!.content.match(/^### /gm)?.length).toBe(CHAPTERS);
    // Highlights that run from one chapter file into the next get none: a CFI range stays in one document.
    const cfis = json!.content.match(/epubcfi\(/g)?.length ?? 0;
    expect(cfis).toBeGreaterThan(HIGHLIGHTS * 0.99);

    const withOrigins = JSON.stringify(blocks).length;
    const withoutOrigins = JSON.stringify(blocks.map(({ origin: _origin, ...b }) => b)).length;
    const imported = median(imports);
    const floor = median(floors);
    report(`EPUB: ${CHAPTERS} chapters, ${(text.length / 1e6).toFixed(1)} M characters (median of ${RUNS})`, [
      { name: 'import (convertEpub)', value: imported, unit: 'ms' },
      { name: 'floor: unzip + parse every XHTML (jsdom)', value: floor, unit: 'ms' },
      {
        name: 'import / floor',
        value: imported / floor,
        unit: 'x',
        target: '<= 1.5x',
        met: imported / floor <= 1.5,
      },
      {
        name: 'import / floor, CPU time of the process',
        value: median(importCpu) / median(floorCpu),
        unit: 'x',
      },
      { name: `Markdown export, ${HIGHLIGHTS} highlights by chapter`, value: markdownMs, unit: 'ms' },
      { name: `Web Annotation export, ${HIGHLIGHTS} highlights`, value: jsonMs, unit: 'ms' },
      { name: 'of which with a CFI (the rest span two files)', value: cfis, unit: 'count' },
      { name: 'blocks JSON with CFI origins', value: withOrigins / 1e6, unit: 'MB' },
      { name: 'blocks JSON without them', value: withoutOrigins / 1e6, unit: 'MB' },
    ]);
  });

  it('opens the book with its highlights and jumps to a chapter from the contents', async () => {
    const libraryDir = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-epub-'));
    const bytes = generateBook();
    let services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
    const imported = await services.dispatch('importFile', {
      name: 'song-han.epub',
      data: Buffer.from(bytes).toString('base64'),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const id = (imported.value as { article: { id: string; title: string } }).article.id;
    const got = await services.dispatch('getArticle', { id });
    if (!got.ok) throw new Error(got.error.message);
    const { text, blocks, article } = got.value as ReturnType<typeof convertEpub> & { article: ArticleMeta };
    await services.stop();
    const store = await LibraryStore.open(libraryDir);
    const step = Math.floor(text.length / HIGHLIGHTS);
    for (let i = 0; i < HIGHLIGHTS; i++)
      await store.createAnnotation({
        articleId: id,
        target: describeRange(text, i * step, i * step + 40),
        color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
      });
    await store.close();
    services = await startServices({ libraryPath: libraryDir, host: 'web', watch: false });
    const host = await startWebHost({ dispatch: services.dispatch, rendererDir: rendererDir() });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const chapter = Math.floor(CHAPTERS / 2);
    const target = blocks.findIndex((b) => b.toc?.some((mark) => mark.label === `Chương ${chapter}`));
    const open: number[] = [];
    const jump: number[] = [];
    try {
      for (let run = 0; run < OPEN_RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(host.url);
        const button = page.getByRole('button', { name: article.title, exact: true });
        await button.waitFor();
        const marked = { kind: 'mark', selector: '.article-body mark.hl' } as const;
        open.push(await timeAction(page, 'click', marked, () => button.click()));
        await page.locator('.article-body[aria-busy="false"]').waitFor();
        await page.getByRole('tab', { name: 'Contents' }).click();
        const entry = page.getByRole('navigation', { name: 'Contents' }).getByRole('button', {
          name: `Chương ${chapter}`,
          exact: true,
        });
        // The chapter's heading and the paragraphs under it, painted with their highlights.
        const selector = [0, 1, 2, 3]
          .map((k) => `.article-body [data-block="${target + k}"] mark.hl`)
          .join(', ');
        const painted = { kind: 'mark', selector } as const;
        jump.push(await timeAction(page, 'click', painted, () => entry.click()));
        await context.close();
      }
    } finally {
      await browser.close();
      await host.close();
      await services.stop();
      rmSync(libraryDir, { recursive: true, force: true });
    }
    // The first open after the services start reads the book's content from disk; later ones find it in memory.
    const [first, ...again] = open;
    report(`EPUB reader: ${CHAPTERS} chapters, ${HIGHLIGHTS} highlights (${OPEN_RUNS} openings)`, [
      { name: 'first open after start (content read from disk)', value: first!, unit: 'ms' },
      { name: 'opening again (content in memory), median', value: median(again), unit: 'ms' },
      {
        name: 'open → first screen with highlights, slowest',
        value: Math.max(...open),
        unit: 'ms',
        target: '< 300 ms',
        met: Math.max(...open) < 300,
      },
      {
        name: `jump to chapter ${chapter} from the contents → painted, median`,
        value: median(jump),
        unit: 'ms',
        target: '< 150 ms',
        met: median(jump) < 150,
      },
    ]);
  });
});

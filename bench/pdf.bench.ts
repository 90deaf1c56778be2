import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { convertPdf } from '../src/main/services/import/pdf';
import { bookPdf, PAGES } from './fixtures/pdf-book';
import { report } from './report';

const RUNS = 3;

/** The floor: pdf.js opening the bytes and calling getTextContent on every page, nothing else. */
async function textContentFloor(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
  });
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent({ disableNormalization: true })).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

it('imports (extracts the text of) a 500-page PDF within 1.3x of pdf.js getTextContent over every page', async () => {
  const bytes = await bookPdf();
  const floors: number[] = [];
  const imports: number[] = [];
  let pages = 0;
  await textContentFloor(bytes);
  for (let run = 0; run < RUNS; run++) {
    floors.push(await time(() => textContentFloor(bytes)));
    imports.push(
      await time(async () => {
        pages = (await convertPdf(bytes, 'so-tay.pdf', 'so-tay')).pages?.length ?? 0;
      }),
    );
  }
  expect(pages).toBe(PAGES);
  const floor = Math.min(...floors);
  const importMs = Math.min(...imports);
  const ratio = importMs / floor;
  report(`PDF import, ${PAGES} pages (${(bytes.length / 1e6).toFixed(1)} MB), best of ${RUNS}`, [
    { name: 'floor: pdf.js getTextContent over every page', value: floor, unit: 'ms' },
    { name: 'import: text extraction (convertPdf)', value: importMs, unit: 'ms' },
    { name: 'import / floor', value: ratio, unit: 'x', target: '<= 1.3x', met: ratio <= 1.3 },
  ]);
  expect(ratio).toBeLessThanOrEqual(1.3);
});

import type { PdfArea } from '../../../../shared/model/annotation';
import { toViewRect } from '../../../../shared/pdf/rects';
import { pdfjsOptions, type PdfJs } from './extract';

/** Pixels per point of an area's image: twice the page's size at 100 %, sharp on a high-density screen. */
export const AREA_IMAGE_SCALE = 2;
/** Longest side of an area's image, in pixels; a larger area is drawn at a smaller scale to fit. */
export const MAX_AREA_IMAGE_SIDE = 8_192;

/** One area drawn: a PNG and its size in pixels. */
export interface AreaPng {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Why areas have no image: the PDF is encrypted and its password is not at hand ('password'), or pdf.js
 * cannot open it ('unreadable').
 */
export type AreaImageMissing = 'password' | 'unreadable';

/**
 * Draws areas of a PDF's pages with pdf.js in this process (on @napi-rs/canvas, with eval, XFA and
 * scripting off, as for extraction) as PNGs at `AREA_IMAGE_SCALE` pixels per point (less for an area
 * whose side would pass `MAX_AREA_IMAGE_SIDE`), each exactly its rectangle with the page's rotation,
 * on a white background. Resolves to one entry per area, in order: its PNG, or null when its page
 * cannot be read; or, for the whole file, why none can be drawn. Nothing is written; `bytes` is not kept.
 */
export async function renderPdfAreas(
  bytes: Uint8Array,
  areas: readonly PdfArea[],
): Promise<(AreaPng | null)[] | AreaImageMissing> {
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const task = pdfjs.getDocument(pdfjsOptions(pdfjs, bytes));
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    return (error as Error).name === 'PasswordException' ? 'password' : 'unreadable';
  }
  try {
    const images: (AreaPng | null)[] = [];
    for (const area of areas) images.push(await renderArea(doc, area, createCanvas).catch(() => null));
    return images;
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type CreateCanvas = typeof import('@napi-rs/canvas').createCanvas;

async function renderArea(doc: PdfDocument, area: PdfArea, createCanvas: CreateCanvas): Promise<AreaPng> {
  const page = await doc.getPage(area.page + 1);
  try {
    const view = toViewRect(page.getViewport({ scale: 1 }), area.rect);
    const scale = Math.min(AREA_IMAGE_SCALE, MAX_AREA_IMAGE_SIDE / Math.max(view.width, view.height));
    const width = Math.max(1, Math.round(view.width * scale));
    const height = Math.max(1, Math.round(view.height * scale));
    const canvas = createCanvas(width, height);
    // The whole page is drawn, moved so that the area's top-left corner lands on the canvas' origin.
    await page.render({
      // pdf.js takes @napi-rs/canvas' canvas in Node; its typings name only the DOM's.
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport: page.getViewport({ scale }),
      transform: [1, 0, 0, 1, -view.left * scale, -view.top * scale],
    }).promise;
    return { png: new Uint8Array(await canvas.encode('png')), width, height };
  } finally {
    page.cleanup();
  }
}

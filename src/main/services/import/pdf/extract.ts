import { createRequire } from 'node:module';
import path from 'node:path';
import type { Block, Page } from '../../../../shared/model/article';
import { pageText, type PageText } from '../../../../shared/pdf/page-text';
import { textRuns, type PdfTextRun } from '../../../../shared/pdf/lines';
import { offsetBelow } from '../../../../shared/pdf/destination';
import { markOutline, readOutline, type OutlinePlace } from './outline';
import { findDoi, largestText, pdfDate, usableAuthors, usableTitle } from './metadata';

/** What a PDF yields: canonical text, its paragraphs and pages, and the metadata found. */
export interface PdfArticle {
  /** NFC, LF; pages separated by a blank line; empty for a PDF without text (a scan). */
  text: string;
  blocks: Block[];
  pages: Page[];
  meta: {
    title: string | null;
    author: string | null;
    /** ISO 8601. */
    published: string | null;
    pageCount: number;
    doi: string | null;
    /** pdf.js' fingerprint of the document (hex). */
    fingerprint: string;
  };
}

/** Why pdf.js could not open a file; `kind` picks the message shown. */
export class PdfOpenError extends Error {
  constructor(
    readonly kind: 'password' | 'wrong-password' | 'damaged' | 'no-pages',
    message: string,
  ) {
    super(message);
  }
}

/** Pages searched for a DOI. */
const DOI_PAGES = 2;
/** Most pages read; a page tree claiming more is a lie or a bomb. */
export const MAX_PDF_PAGES = 20_000;
/** Consecutive pages that fail to load before the rest is given up as missing. */
const MAX_FAILED_PAGES = 20;
const PAGE_SEPARATOR = '\n\n';

/** pdf.js' legacy build, which runs on Node. */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

const assets = (): { standardFontDataUrl: string; cMapUrl: string } => {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
  };
};

/**
 * What the service gives pdf.js' `getDocument` for `bytes` (copied): no eval, no XFA, no system fonts,
 * glyphs drawn as paths (no font faces in Node), errors only in the log, the bundled cMaps and standard
 * fonts and nothing else fetched. `password` opens an encrypted PDF and is not kept.
 */
export function pdfjsOptions(pdfjs: PdfJs, bytes: Uint8Array, password?: string) {
  return {
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(password === undefined ? {} : { password }),
    ...assets(),
  };
}

/**
 * Opens PDF bytes with pdf.js (legacy build, no eval, no scripting, no system fonts, nothing fetched
 * but its bundled cMaps and standard fonts) and builds the document's canonical text page by page
 * (see `pageText`), its page map (labels from the PDF's page labels), its outline as `toc` marks on
 * the blocks its entries lead to, and metadata (Info/XMP title
 * unless it is junk, else the largest text on page 1; authors; date; page count; DOI from the first
 * pages). Pure apart from CPU and reading pdf.js' own files; writes nothing. `bytes` is not kept.
 * @param password The password of an encrypted PDF (user or owner password); used to open it, never kept.
 * @throws PdfOpenError 'password' for an encrypted PDF opened without a password, 'wrong-password'
 *   when the password given does not open it, 'damaged' when pdf.js cannot read it, 'no-pages' when
 *   it has no page.
 */
export async function pdfToArticle(bytes: Uint8Array, password?: string): Promise<PdfArticle> {
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument(pdfjsOptions(pdfjs, bytes, password));
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      const wrong = (error as { code?: number }).code === pdfjs.PasswordResponses.INCORRECT_PASSWORD;
      // pdf.js' message does not hold the password; it is not repeated here either.
      throw new PdfOpenError(wrong ? 'wrong-password' : 'password', (error as Error).message);
    }
    throw new PdfOpenError('damaged', (error as Error).message);
  }
  try {
    return await readDocument(doc);
  } finally {
    await task.destroy();
  }
}

async function readDocument(doc: PdfDocument): Promise<PdfArticle> {
  const count = Math.min(doc.numPages, MAX_PDF_PAGES);
  if (count < 1) throw new PdfOpenError('no-pages', 'the document has no pages');
  const labels = await doc.getPageLabels().catch(() => null);
  const outline = await readOutline(doc, count);
  const texts: PageText[] = [];
  /** Per outline entry, its offset in its page's text. */
  const inPage = new Map<OutlinePlace, number>();
  let failed = 0;
  for (let number = 1; number <= count; number++) {
    const targets = outline.filter((entry) => entry.index === number - 1);
    const page = failed < MAX_FAILED_PAGES ? await readPage(doc, number) : null;
    failed = page ? 0 : failed + 1;
    texts.push(page?.text ?? { text: '', paragraphs: [], runs: [] });
    for (const entry of targets)
      inPage.set(entry, page ? offsetBelow(entry.top, page.runs, page.text.runs) : 0);
  }
  if (failed === count) throw new PdfOpenError('damaged', 'none of its pages can be read');
  const { text, blocks, pages } = joinPages(texts, labels);
  markOutline(
    blocks,
    outline.map((entry) => ({ ...entry, offset: pages[entry.index]!.start + (inPage.get(entry) ?? 0) })),
  );
  const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = info as Record<string, unknown>;
  const xmp = (key: string): unknown => metadata?.get(key) ?? undefined;
  const head = pages
    .slice(0, DOI_PAGES)
    .map((p) => text.slice(p.start, p.end))
    .join('\n');
  return {
    text,
    blocks,
    pages,
    meta: {
      title: usableTitle(xmp('dc:title')) ?? usableTitle(fields.Title) ?? largestText(texts[0]!),
      author: usableAuthors(xmp('dc:creator')) ?? usableAuthors(fields.Author),
      published:
        pdfDate(xmp('prism:publicationdate')) ??
        pdfDate(xmp('xmp:createdate')) ??
        pdfDate(fields.CreationDate),
      pageCount: count,
      doi: findDoi(String(xmp('prism:doi') ?? '')) ?? findDoi(head),
      fingerprint: doc.fingerprints.find((f): f is string => typeof f === 'string') ?? '',
    },
  };
}

async function readPage(
  doc: PdfDocument,
  number: number,
): Promise<{ text: PageText; runs: PdfTextRun[] } | null> {
  try {
    const page = await doc.getPage(number);
    const content = await page.getTextContent({ disableNormalization: true });
    const [x0, , x1] = page.view as [number, number, number, number];
    page.cleanup();
    const runs = textRuns(content.items);
    return { text: pageText(runs, (x0 + x1) / 2), runs };
  } catch {
    return null;
  }
}

function joinPages(
  texts: readonly PageText[],
  labels: readonly string[] | null,
): { text: string; blocks: Block[]; pages: Page[] } {
  let text = '';
  const blocks: Block[] = [];
  const pages: Page[] = [];
  texts.forEach((page, index) => {
    if (page.text && text) text += PAGE_SEPARATOR;
    const start = text.length;
    text += page.text;
    for (const p of page.paragraphs) blocks.push({ kind: 'p', start: start + p.start, end: start + p.end });
    const label = labels?.[index]?.trim().normalize('NFC') || String(index + 1);
    pages.push({ index, label, start, end: text.length });
  });
  return { text, blocks, pages };
}

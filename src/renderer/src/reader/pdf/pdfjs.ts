import type { PDFDocumentProxy } from 'pdfjs-dist';
import PdfJsWorker from 'pdfjs-dist/build/pdf.worker.mjs?worker';
import { PDF_CHUNK } from '../../../../shared/pdf/file-range';

/**
 * A PDF read by ranges: its length and first bytes (both in bytes), and how to read more.
 * `read(begin, end)` resolves to bytes `begin`–`end` (end excluded) and rejects when they cannot be read.
 */
export interface PdfSource {
  length: number;
  initial: Uint8Array;
  read(begin: number, end: number): Promise<Uint8Array>;
}

/** An open PDF and the way to let go of it (its document, its worker thread). */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): void;
}

/** Thrown by `openPdf` when the person gave no password for an encrypted PDF. */
export class PasswordCancelled extends Error {
  constructor() {
    super('No password was given for this PDF.');
    this.name = 'PasswordCancelled';
  }
}

/**
 * What opening a PDF needs, set going before it is opened: its bytes on their way, pdf.js' module
 * loading and its worker starting. Made by `startPdf`; handed to `openPdf`, or let go with `dropPdf`.
 */
export interface PdfStart {
  source: Promise<PdfSource>;
  pdfjs: Promise<typeof import('pdfjs-dist')>;
  /** pdf.js' worker thread, bundled with the app. */
  port: Worker;
}

/**
 * Sets going what opening the PDF read from `source` needs (see PdfStart), so it goes on while the
 * reader is still getting ready. A rejection of `source` is reported by `openPdf`, not as unhandled.
 */
export function startPdf(source: Promise<PdfSource>): PdfStart {
  source.catch(() => undefined);
  return { source, pdfjs: import('pdfjs-dist'), port: new PdfJsWorker() };
}

/** Lets go of a `PdfStart` that will not be opened (its worker thread ends). */
export function dropPdf(start: PdfStart): void {
  start.port.terminate();
}

/**
 * Opens a PDF with pdf.js in the renderer, reading only the byte ranges it needs from `start.source` (no
 * fetching ahead, no streaming of the whole file: a page costs the bytes it uses), in a worker of its
 * own bundled with the app (see electron.vite.config.ts for its cMaps and standard fonts): eval is
 * off, XFA and scripting are off, no system fonts are looked up and nothing outside the app is
 * requested. pdf.js and its worker load while the source is still on its way (see `startPdf`).
 * Call `close` when the document is no longer shown. An
 * encrypted PDF calls `askPassword` (`wrong` after a password that did not open it) until a password
 * opens it; the password goes to pdf.js and nowhere else.
 * @throws PasswordCancelled when `askPassword` answers null (or there is none for an encrypted PDF);
 *   what `source` rejects with; what pdf.js throws for a file it cannot open or bytes `source` cannot read while opening (the
 *   worker is released first).
 */
export async function openPdf(
  start: PdfStart,
  askPassword?: (wrong: boolean) => Promise<string | null>,
): Promise<OpenPdf> {
  const { port } = start;
  let source: PdfSource;
  let pdfjs: typeof import('pdfjs-dist');
  try {
    [source, pdfjs] = await Promise.all([start.source, start.pdfjs]);
  } catch (error) {
    port.terminate();
    throw error;
  }
  // pdf.js' typings declare `port` as null only; the runtime takes a Worker (documented in its API).
  const worker = new pdfjs.PDFWorker({ port } as unknown as ConstructorParameters<typeof pdfjs.PDFWorker>[0]);
  const range = new pdfjs.PDFDataRangeTransport(source.length, source.initial);
  const task = pdfjs.getDocument({
    range,
    length: source.length,
    rangeChunkSize: PDF_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    worker,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
  });
  const close = (): void => {
    void task.destroy();
    worker.destroy();
    port.terminate();
  };
  // Bytes that cannot be read end the loading (a page being drawn then fails, as with a damaged file).
  range.requestDataRange = (begin: number, end: number) =>
    void source.read(begin, end).then(
      (bytes) => range.onDataRange(begin, bytes),
      () => void task.destroy(),
    );
  // A refused password ends the wait at once: pdf.js' own promise stays pending then.
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  task.onPassword = (update: (password: string) => void, reason: number) => {
    const wrong = reason === pdfjs.PasswordResponses.INCORRECT_PASSWORD;
    void (askPassword?.(wrong) ?? Promise.resolve(null)).then((password) => {
      if (password === null) refuse(new PasswordCancelled());
      else update(password);
    });
  };
  try {
    return { doc: await Promise.race([task.promise, refused]), close };
  } catch (error) {
    close();
    throw error;
  }
}

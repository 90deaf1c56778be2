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

/** How an encrypted PDF asks for its password: `wrong` after one that did not open it; null to give up. */
export type AskPassword = (wrong: boolean) => Promise<string | null>;

/**
 * A PDF being opened ahead of being shown (see `startPdf`): handed to `openPdf`, or let go with
 * `dropPdf`. Opaque to callers.
 */
export interface PdfStart {
  readonly opened: Promise<OpenPdf>;
  /** Who answers a password question; questions asked before one is set wait for it. */
  setAsker(ask: AskPassword | undefined): void;
  readonly port: Worker;
}

/** A worker started ahead of the next PDF (see warmPdf), taken by the next startPdf. */
let spare: Worker | null = null;

/**
 * Loads pdf.js' code and starts a worker for the next PDF, so that opening one waits for neither: the
 * library calls it when the page is idle once it shows a PDF. The worker reads its code on its own
 * thread; it holds no document until a PDF is opened.
 */
export function warmPdf(): void {
  // A code that fails to load here is reported when a PDF is opened.
  import('pdfjs-dist').catch(() => undefined);
  spare ??= new PdfJsWorker();
}

/**
 * Starts opening the PDF read from `source` at once, so it goes on while the reader is still getting
 * ready: pdf.js and its worker load while the first bytes come, then pdf.js reads the file's structure.
 * It reads only the byte ranges it needs (no fetching ahead, no streaming of the whole file: a page
 * costs the bytes it uses), in a worker of its own bundled with the app (see electron.vite.config.ts
 * for its cMaps and standard fonts): eval is off, XFA and scripting are off, no system fonts are
 * looked up and nothing outside the app is requested. A password question waits for `openPdf`'s
 * asker. Failures are reported by `openPdf`, not as unhandled.
 */
export function startPdf(source: Promise<PdfSource>): PdfStart {
  const port = spare ?? new PdfJsWorker();
  spare = null;
  let asker: AskPassword | undefined;
  let attached = false;
  const waiting: ((ask: AskPassword | undefined) => void)[] = [];
  const ask: AskPassword = (wrong) => {
    if (attached) return asker?.(wrong) ?? Promise.resolve(null);
    return new Promise((resolve) =>
      waiting.push((later) => void (later?.(wrong) ?? Promise.resolve(null)).then(resolve)),
    );
  };
  const opened = openDocument(source, import('pdfjs-dist'), port, ask);
  opened.catch(() => undefined);
  return {
    opened,
    port,
    setAsker(next) {
      asker = next;
      attached = true;
      waiting.splice(0).forEach((resume) => resume(next));
    },
  };
}

/** Lets go of a `PdfStart` that will not be shown (its document and worker thread). */
export function dropPdf(start: PdfStart): void {
  start.port.terminate();
  start.opened.then(
    (open) => open.close(),
    () => undefined,
  );
}

/**
 * The PDF `start` opened (see startPdf). An encrypted PDF calls `askPassword` (`wrong` after a
 * password that did not open it) until a password opens it; the password goes to pdf.js and nowhere
 * else. Call `close` when the document is no longer shown.
 * @throws PasswordCancelled when `askPassword` answers null (or there is none for an encrypted PDF);
 *   what the source rejects with; what pdf.js throws for a file it cannot open or bytes the source
 *   cannot read while opening (the worker is released first).
 */
export function openPdf(start: PdfStart, askPassword?: AskPassword): Promise<OpenPdf> {
  start.setAsker(askPassword);
  return start.opened;
}

async function openDocument(
  pending: Promise<PdfSource>,
  loading: Promise<typeof import('pdfjs-dist')>,
  port: Worker,
  askPassword: AskPassword,
): Promise<OpenPdf> {
  let source: PdfSource;
  let pdfjs: typeof import('pdfjs-dist');
  try {
    [source, pdfjs] = await Promise.all([pending, loading]);
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
    void askPassword(wrong).then((password) => {
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

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GlossError } from '../../../shared/result';
import { decodeAnswerText } from './answer-text';
import type { ImportedDocument } from './convert';
import {
  LARGE_FILE_BYTES,
  restorePlainHtml,
  type ConvertReply,
  type ConvertRequest,
  type PrepareRequest,
  preparedAhead,
} from './worker-protocol';
import { convertWorkerScript } from './worker-script';

/** Limits of one conversion. */
export interface ImportConverterOptions {
  /** Time any file may take to convert, in ms (default 60 s)... */
  baseTimeMs?: number;
  /** ...plus this much per MiB of file, in ms (default 10 s: a 64 MB file gets about 12 minutes). */
  timePerMbMs?: number;
  /** Heap the conversion thread may use, in MB (default 1024). */
  memoryLimitMb?: number;
  /** The thread is ended after this long without work, in ms (default 30 s). */
  idleMs?: number;
}

/** A converted file: the document, and the file's bytes given back by the conversion thread. */
export interface ConvertedFile {
  document: ImportedDocument;
  /** The bytes passed to `convert`, moved back from the thread. */
  bytes: Uint8Array;
}

interface Job {
  request: ConvertRequest;
  /** The file's size in bytes (the request's bytes are detached while on the thread). */
  size: number;
  resolve: (converted: ConvertedFile) => void;
  reject: (error: Error) => void;
}

const displayName = (fileName: string): string => path.basename(fileName).normalize('NFC');

/**
 * Converts imported files (see `convertDocument`) on a worker thread, one at a
 * time, so the process keeps answering while a large or hostile file is
 * read. A conversion that runs past the time budget or the memory limit is
 * stopped (the thread is ended and a fresh one serves the next file). The
 * thread is kept warm between files and ended once idle; a large file's
 * thread is ended once it has answered, and for plain text and Markdown a
 * fresh one started in its place. It never keeps the process alive.
 */
export class ImportConverter {
  private readonly baseTimeMs: number;
  private readonly timePerMbMs: number;
  private readonly memoryLimitMb: number;
  private readonly idleMs: number;
  private readonly queue: Job[] = [];
  private worker: Worker | null = null;
  private current: Job | null = null;
  private timer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(options: ImportConverterOptions = {}) {
    this.baseTimeMs = options.baseTimeMs ?? 60_000;
    this.timePerMbMs = options.timePerMbMs ?? 10_000;
    this.memoryLimitMb = options.memoryLimitMb ?? 1024;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /**
   * Converts one file's bytes. With `move`, the bytes are moved to the
   * thread, not copied: when `bytes` is the whole of its buffer it is
   * detached (length 0) from this call on. Otherwise (and for a view of
   * part of a buffer) they are copied first and `bytes` stays usable.
   * Either way the bytes the thread read come back with the document.
   * `password` (an encrypted PDF's) goes to the thread with the bytes and is kept nowhere.
   * @throws GlossError as `convertDocument`, and 'too-complex' when the file
   *   takes longer than the time budget or more memory than the limit (the
   *   bytes are not given back then).
   */
  convert(
    bytes: Uint8Array,
    fileName: string,
    { move = false, password }: { move?: boolean; password?: string } = {},
  ): Promise<ConvertedFile> {
    const whole =
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength;
    const moved = move && whole ? bytes : new Uint8Array(bytes);
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { bytes: moved, fileName, ...(password === undefined ? {} : { password }) },
        size: moved.length,
        resolve,
        reject,
      });
      this.next();
    });
  }

  /** Ends the thread; files still queued are refused. */
  async close(): Promise<void> {
    const cancelled = () =>
      new GlossError('internal', 'The import was cancelled: Gloss is closing the library.');
    for (const job of this.queue.splice(0)) job.reject(cancelled());
    const stopping = this.stopWorker();
    this.finish(cancelled());
    clearTimeout(this.idleTimer);
    await stopping;
  }

  private next(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.idleTimer = setTimeout(() => void this.stopWorker(), this.idleMs);
      this.idleTimer.unref();
      this.worker?.unref();
      return;
    }
    clearTimeout(this.idleTimer);
    this.current = job;
    const worker = this.startedWorker();
    worker.ref();
    worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
  }

  private startClock(): void {
    const job = this.current;
    if (!job) return;
    const budgetMs = this.baseTimeMs + (this.timePerMbMs * job.size) / (1024 * 1024);
    this.timer = setTimeout(() => {
      const seconds = Math.round(budgetMs / 100) / 10;
      this.fail(
        `reading it took longer than ${seconds} seconds, more than Gloss allows for a file this size.`,
      );
    }, budgetMs);
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(convertWorkerScript, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
    });
    worker.on('message', (reply: ConvertReply) => {
      if (this.worker !== worker) return;
      const job = this.current;
      // The time budget counts from when the thread has loaded the format's converter.
      if ('started' in reply) this.startClock();
      else if (!reply.ok) this.finish(new GlossError(reply.code, reply.message, reply.params));
      else if (job && job.size >= LARGE_FILE_BYTES) {
        // A large file's thread is ended before its text is decoded here: the two heaps never peak together.
        clearTimeout(this.timer);
        void this.stopWorker().then(() => {
          if (this.current !== job) return;
          this.finish(received(reply));
          // A fresh thread starts and loads this format's converter while the document is saved, so that
          // the next file does not wait for either.
          if (this.worker || !preparedAhead(job.request.fileName)) return;
          const fresh = this.startedWorker();
          fresh.unref();
          fresh.postMessage({ prepare: job.request.fileName } satisfies PrepareRequest);
        });
      } else this.finish(received(reply));
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (this.worker !== worker) return;
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `reading it needed more than ${this.memoryLimitMb} MB of memory, more than Gloss allows for one file.`
          : `the conversion failed (${error.message}).`,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-complex' : 'internal',
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.current) this.finish(new GlossError('internal', 'The import thread stopped unexpectedly.'));
    });
    this.worker = worker;
    return worker;
  }

  /** Stops the running conversion with a sentence about its file, and ends its thread. */
  private fail(reason: string, code: 'too-complex' | 'internal' = 'too-complex'): void {
    const job = this.current;
    if (!job) return;
    void this.stopWorker();
    this.finish(new GlossError(code, `Cannot import “${displayName(job.request.fileName)}”: ${reason}`));
  }

  private finish(outcome: ConvertedFile | GlossError): void {
    const job = this.current;
    if (!job) return;
    clearTimeout(this.timer);
    this.current = null;
    // A large file leaves a large heap behind: end the thread now rather than once idle.
    if (job.size >= LARGE_FILE_BYTES) void this.stopWorker();
    if (outcome instanceof GlossError) job.reject(outcome);
    else job.resolve(outcome);
    this.next();
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/**
 * The document and bytes of a reply, its text and document decoded (then the encoded
 * copies are dropped) and the html of its plain blocks given back as slices of the text.
 */
function received(reply: Extract<ConvertReply, { ok: true }>): ConvertedFile {
  const text = decodeAnswerText(reply.text);
  const document = JSON.parse(utf8(reply.document)) as Omit<ImportedDocument, 'text'>;
  restorePlainHtml(text, document.blocks, reply.plainHtml);
  return { document: { ...document, text }, bytes: reply.bytes };
}

const utf8 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** The process's conversion thread, shared by every library (started on first use, ended when idle). */
export const importConverter = new ImportConverter();

import { Low } from 'lowdb';
import { GlossError } from '../../../shared/result';
import { saveError } from './save-error';
import { atomicWrite } from '../fs/atomic-write';
import { fileStamp, type JsonFileOptions } from './files';
import { foldLength, JOURNAL_MAX_FOLDS, readJournal, type JournalPolicy } from './journal-policy';
import { JournalWriter } from './journal-writer';
import { ValidatedJsonAdapter } from './json-adapter';
import { notice } from '../notice';

/** How soon a change must reach disk: at once, sharing a write with concurrent changes ('soon'), or once quiet ('idle'). */
export type Urgency = 'soon' | 'idle';

/** Options of a batched, validated JSON file. */
export interface StoredFileOptions<T> extends JsonFileOptions<T> {
  /** Quiet period after which 'idle' changes are written and the journal folded into the file, in ms. */
  idleDelayMs: number;
  /** Called before every write; throws to refuse it (e.g. when the library lock was lost). */
  beforeWrite: () => void;
  /**
   * This process's data (`ours`) merged with the data another process left
   * on disk since this one last read or wrote it (`theirs`); must keep every
   * record of both.
   */
  merge: (ours: T, theirs: T) => T;
  journal?: JournalPolicy<T>;
  /**
   * Called before the data is written or merged with another version, with
   * the keys of the records changed since the last write ('all' when not
   * known): records when they changed (see stampShard).
   */
  stamp?: (data: T, keys: ReadonlySet<string> | 'all') => void;
}

type Dirty = Set<string> | 'all' | null;

function mergeDirty(a: Dirty, b: Dirty): Dirty {
  if (a === 'all' || b === 'all') return 'all';
  if (!a || !b) return a ?? b;
  return new Set([...a, ...b]);
}

/** Times a failed background fold (whole-file rewrite of changes already on disk) is tried again. */
const FOLD_RETRIES = 3;

interface Waiter {
  resolve(): void;
  reject(error: GlossError): void;
}

/**
 * One JSON file held in memory (lowdb) and written back atomically
 * (atomicWrite: temp file, fsync, rename, folder fsync). A 'soon' change is
 * written at once; changes made while a write is running share the next one
 * (group commit). With a journal, a write of changed records appends them
 * to the journal and fdatasyncs it instead, and the whole file is rewritten
 * (the journal folded in) once things are quiet, on close, or when the
 * journal grows long: then in the background, right after the append that
 * made it long was acknowledged (a change arriving meanwhile waits for it).
 *
 * A write that fails is never retried behind the caller's back: everyone
 * waiting for it (see `durable`) is refused, and the data in memory is read
 * back from disk, so it holds only what was saved. Only a failed fold, whose
 * changes are already on disk in the journal, is tried again, a few times.
 */
export class StoredFile<T> {
  /** What changed since the last write: record keys (journal), everything, or nothing. */
  private dirty: Dirty = null;
  /** Whether `dirty` holds changes a write must make now (not only 'idle' ones). */
  private urgent = false;
  /** Whether a write for the urgent changes is queued and not yet started. */
  private scheduled = false;
  /** The journal's open file and what this process knows of it; undefined without a journal. */
  private readonly writer: JournalWriter | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  /** When the data last changed (Date.now()): the idle fold waits until it has been quiet for idleDelayMs since. */
  private changedAt = 0;
  private foldFailures = 0;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Callers of `durable` waiting for the changes in `dirty`. */
  private waiting: Waiter[] = [];
  /** Called after the data was read back from disk following a failed write (the old objects are gone). */
  onReload: (() => void) | undefined;

  private constructor(
    private readonly db: Low<T>,
    private readonly adapter: ValidatedJsonAdapter<T>,
    private readonly options: StoredFileOptions<T>,
    private readonly fallback: () => T,
  ) {
    this.writer = options.journal && new JournalWriter(options.journal.file);
  }

  /**
   * Loads the file (see loadJsonFile for damage, migration and newer-schema
   * handling), then replays its journal, if any, and folds it into the file
   * (when the fold cannot be written, e.g. on a full disk, the journal stays
   * and the data is still complete). `fallback` gives the data when there is
   * no file. Nothing else is written until a change.
   */
  static async open<T>(options: StoredFileOptions<T>, fallback: () => T): Promise<StoredFile<T>> {
    const adapter = new ValidatedJsonAdapter(options);
    const db = new Low<T>(adapter, fallback());
    await db.read();
    const file = new StoredFile(db, adapter, options, fallback);
    if (options.journal) await file.replayJournal(options.journal);
    return file;
  }

  /**
   * Applies every readable journal entry. A torn last line (a crash during an
   * append that was never confirmed: no newline after it, the start of an
   * entry, no NUL) is dropped silently; any other unreadable line, a
   * NUL-filled journal included, is reported and the journal copied aside
   * (`.damaged-<time>`) before it is folded in.
   */
  private async replayJournal(journal: JournalPolicy<T>): Promise<void> {
    const read = await readJournal(journal, this.db.data);
    if (!read || !this.writer) return;
    this.writer.exists = true;
    this.writer.bytes = Buffer.byteLength(read.text);
    if (read.text.length === 0) return;
    if (read.unreadable > 0) {
      const aside = `${journal.file}.damaged-${fileStamp()}`;
      try {
        await atomicWrite(aside, read.text);
      } catch (error) {
        this.options.notify(
          notice('notices.journalUnreadableKept', {
            count: read.unreadable,
            what: this.options.what,
            file: journal.file,
            detail: describe(error),
          }),
        );
        return;
      }
      this.options.notify(
        notice('notices.journalUnreadable', {
          count: read.unreadable,
          what: this.options.what,
          file: journal.file,
          aside,
        }),
      );
    }
    this.dirty = 'all';
    await this.write(true).catch(() => {
      // The journal stays and still holds every change; reported through notify.
    });
  }

  /** The data; mutate it in place, then call `changed`. */
  get data(): T {
    return this.db.data;
  }

  /** Modification time (ms) of the file the data was loaded from; null when it started empty. */
  get loadedMtimeMs(): number | null {
    return this.adapter.loadedMtimeMs;
  }

  /**
   * Marks the data changed. `keys` names the changed records when the file
   * has a journal (without them the whole file is rewritten). A 'soon'
   * change starts a write now, or joins the next one if a write is running;
   * 'idle' ones are written once quiet. Ignored once disposed.
   */
  changed(urgency: Urgency = 'soon', keys?: Iterable<string>): void {
    if (this.disposed) return;
    this.dirty = mergeDirty(this.dirty, keys && this.options.journal ? new Set(keys) : 'all');
    if (urgency === 'soon') {
      this.urgent = true;
      if (!this.scheduled) {
        this.scheduled = true;
        this.writeInBackground(false);
      }
    }
    this.scheduleFold();
  }

  /**
   * Resolves once every 'soon' change marked so far is on disk (at once when
   * none is pending).
   * @throws GlossError 'disk-full' or 'io' when the write holding them failed
   *   (the data in memory was read back from disk: those changes are gone),
   *   'locked' when the library lock was lost, 'internal' when the file was
   *   disposed before they were written.
   */
  durable(): Promise<void> {
    if (this.disposed) return Promise.reject(this.droppedError());
    if (!this.urgent) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Like `durable`, as true once written and false when the changes were refused or dropped. */
  written(): Promise<boolean> {
    return this.durable().then(
      () => true,
      () => false,
    );
  }

  /**
   * Writes pending 'soon' changes now (to the journal where possible). With
   * `complete`, writes everything, 'idle' changes too, as one whole file,
   * and empties the journal.
   * @throws GlossError 'disk-full', 'io' or 'locked' when the write fails (see `durable`).
   */
  flush(complete = false): Promise<void> {
    return this.write(complete);
  }

  /** Drops pending changes and timers after the current write, if any, ends; later changes are ignored. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelFold();
    this.dirty = null;
    this.urgent = false;
    await this.queue;
    await this.writer?.close();
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.droppedError());
  }

  private droppedError(): GlossError {
    return new GlossError('internal', `${this.options.file} was closed before a change to it was saved.`);
  }

  /**
   * Folds once quiet for idleDelayMs. A timer already waiting is left to run and, if a change came
   * since it was set, waits again for the rest: changes at a high rate do not each set a timer.
   */
  private scheduleFold(): void {
    if (this.disposed) return;
    this.changedAt = Date.now();
    if (this.idleTimer === undefined) this.foldWhenQuiet(this.options.idleDelayMs);
  }

  private foldWhenQuiet(delayMs: number): void {
    this.idleTimer = setTimeout(() => {
      const quietMs = Date.now() - this.changedAt;
      if (quietMs < this.options.idleDelayMs) {
        this.foldWhenQuiet(this.options.idleDelayMs - quietMs);
        return;
      }
      this.idleTimer = undefined;
      this.writeInBackground(true);
    }, delayMs);
  }

  private cancelFold(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private writeInBackground(complete: boolean): void {
    this.write(complete).catch(() => {
      // Refused to the callers waiting for it, or reported through notify.
    });
  }

  private write(complete: boolean): Promise<void> {
    const run = async () => {
      this.scheduled = false;
      const fold = complete && (this.dirty !== null || (this.writer?.bytes ?? 0) > 0);
      if (this.disposed || (!this.urgent && !fold)) return;
      const { dirty, urgent } = this;
      const waiting = this.waiting.splice(0);
      this.dirty = null;
      this.urgent = false;
      let long = false;
      try {
        this.options.beforeWrite();
        if (dirty) this.options.stamp?.(this.db.data, dirty);
        const { journal } = this.options;
        const writer = this.writer;
        const foldAt = foldLength(this.adapter.bytes);
        if (
          !complete &&
          journal &&
          writer &&
          dirty instanceof Set &&
          !writer.torn &&
          writer.bytes < JOURNAL_MAX_FOLDS * foldAt
        ) {
          await this.append(journal, writer, dirty);
          long = writer.bytes >= foldAt;
        } else {
          await this.rewrite();
          this.foldFailures = 0;
        }
        for (const waiter of waiting) waiter.resolve();
        // The backup of a whole write waits for no one but the next write.
        await this.adapter.takeBackup();
        // Folded after the acknowledgement, not before it; a failing fold is retried only by its own schedule.
        if (long && this.foldFailures === 0) {
          this.cancelFold();
          this.writeInBackground(true);
        }
      } catch (error) {
        const failure = saveError(this.options, error);
        if (urgent) {
          await this.rollback(failure, waiting);
        } else {
          this.dirty = mergeDirty(dirty, this.dirty);
          if (this.foldFailures++ === 0) {
            this.options.notify(
              notice('notices.saveRetrying', {
                failure: failure.message,
                code: failure.code,
                journal: this.options.journal?.file ?? 'memory',
              }),
            );
          }
          if (this.foldFailures <= FOLD_RETRIES) this.scheduleFold();
        }
        throw failure;
      }
    };
    const next = this.queue.then(run);
    this.queue = next.catch(() => {});
    return next;
  }

  /**
   * Writes the whole file (merging first what another process wrote since,
   * see mergeFromDisk), then empties the journal (entries left if that fails
   * are older than the file). A fold of a non-empty journal takes a backup.
   */
  private async rewrite(): Promise<void> {
    this.cancelFold();
    const writer = this.writer;
    const changed = await this.adapter.changedOnDisk();
    if (changed || (writer && (await writer.changedOnDisk(false)))) await this.mergeFromDisk();
    const folding = writer !== undefined && (writer.bytes > 0 || writer.torn);
    await this.adapter.write(this.db.data, folding);
    if (folding) await writer.empty();
  }

  /**
   * Another process wrote the file or its journal since this one last read
   * or wrote them (a process paused while the library was taken over): reads
   * them back and merges them into the data in memory, so the next write
   * keeps both processes' changes, and tells the user.
   */
  private async mergeFromDisk(): Promise<void> {
    const theirs = (await this.adapter.read()) ?? this.fallback();
    if (this.options.journal) await readJournal(this.options.journal, theirs);
    await this.writer?.adopt();
    this.options.stamp?.(this.db.data, 'all');
    this.db.data = this.options.merge(this.db.data, theirs);
    this.onReload?.();
    this.options.notify(notice('notices.otherProcess', { what: this.options.what, file: this.options.file }));
  }

  /**
   * After a failed write: reads the data back from disk (file, then journal),
   * so memory holds only what was saved, and refuses every change made
   * meanwhile, those of the failed write first.
   */
  private async rollback(failure: GlossError, waiting: Waiter[]): Promise<void> {
    try {
      const data = (await this.adapter.read()) ?? this.fallback();
      if (this.options.journal) await readJournal(this.options.journal, data);
      this.db.data = data;
      this.onReload?.();
    } catch (error) {
      this.options.notify(
        notice('notices.readBackFailed', {
          failure: failure.message,
          code: failure.code,
          file: this.options.file,
          detail: describe(error),
        }),
      );
    }
    this.dirty = null;
    this.urgent = false;
    for (const waiter of [...waiting, ...this.waiting.splice(0)]) waiter.reject(failure);
  }

  /** Appends one entry holding the records `keys` (after merging what another process wrote, see mergeFromDisk). */
  private async append(
    journal: JournalPolicy<T>,
    writer: JournalWriter,
    keys: ReadonlySet<string>,
  ): Promise<void> {
    if (await writer.changedOnDisk(true)) await this.mergeFromDisk();
    await writer.append(JSON.stringify(journal.entry(this.db.data, keys)) + '\n');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

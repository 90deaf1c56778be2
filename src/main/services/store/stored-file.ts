import { constants } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { GlossError } from '../../../shared/result';
import { atomicWrite, fsyncDir } from '../fs/atomic-write';
import { openNoFollow, readFileNoFollow } from '../fs/no-follow';
import { fileStamp, loadJsonFile, writeBackup, type JsonFileOptions } from './files';

/** Journal entries kept before the next flush rewrites the whole file instead. */
const JOURNAL_MAX_ENTRIES = 256;
/** Journal bytes kept before the next flush rewrites the whole file instead. */
const JOURNAL_MAX_BYTES = 1024 * 1024;

/**
 * An append-only journal beside a file whose data is a set of records with
 * `updatedAt`: a flush appends the changed records as one JSON line and
 * fdatasyncs it, instead of rewriting the whole file. Replaying an entry
 * keeps, per record, the version with the later `updatedAt`, so replaying an
 * entry already folded into the file changes nothing.
 */
export interface JournalPolicy<T> {
  /** The journal file (JSON Lines). */
  file: string;
  /** The entry recording the current state of the records with these keys. */
  entry(data: T, keys: ReadonlySet<string>): unknown;
  /**
   * Applies one entry read back from the journal.
   * @throws DamagedDataError when it does not validate.
   */
  apply(data: T, entry: unknown): void;
}

/** How soon a change must reach disk: at the next flush or write delay ('soon'), or once quiet ('idle'). */
export type Urgency = 'soon' | 'idle';

/** Options of a batched, validated JSON file. */
export interface StoredFileOptions<T> extends JsonFileOptions<T> {
  /** Delay between a change and its write, in ms; changes within it share one write. */
  writeDelayMs: number;
  /** Quiet period after which 'idle' changes are written and the journal folded into the file, in ms. */
  idleDelayMs: number;
  /** Called before every write; throws to refuse it (e.g. when the library lock was lost). */
  beforeWrite: () => void;
  journal?: JournalPolicy<T>;
}

/** The lowdb adapter: validated reads (see loadJsonFile), atomic writes, periodic validated backups. */
class ValidatedJsonAdapter<T> implements Adapter<T> {
  /** Modification time of the file the data was loaded from; null when it started empty. */
  loadedMtimeMs: number | null = null;
  private lastBackupAt = -Infinity;

  constructor(private readonly options: JsonFileOptions<T>) {}

  async read(): Promise<T | null> {
    const loaded = await loadJsonFile(this.options);
    this.loadedMtimeMs = loaded?.mtimeMs ?? null;
    return loaded?.data ?? null;
  }

  async write(data: T): Promise<void> {
    const text = this.options.codec.encode(data);
    await atomicWrite(this.options.file, text);
    const policy = this.options.backups;
    if (policy && Date.now() - this.lastBackupAt >= policy.intervalMs) {
      this.lastBackupAt = Date.now();
      try {
        await writeBackup(this.options, policy, text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.options.notify(
          `Gloss saved ${this.options.what} but could not back it up in ${policy.dir}: ${message}.`,
        );
      }
    }
  }
}

type Dirty = Set<string> | 'all' | null;

function mergeDirty(a: Dirty, b: Dirty): Dirty {
  if (a === 'all' || b === 'all') return 'all';
  if (!a || !b) return a ?? b;
  return new Set([...a, ...b]);
}

/**
 * One JSON file held in memory (lowdb) and written back atomically
 * (atomicWrite: temp file, fsync, rename, folder fsync), batched behind a
 * short delay. With a journal, a flush of changed records appends them to
 * the journal instead, and the whole file is rewritten once things are
 * quiet, on close, or when the journal grows long. Failed background writes
 * are retried and reported once through `notify`.
 */
export class StoredFile<T> {
  /** What changed since the last write: record keys (journal), everything, or nothing. */
  private dirty: Dirty = null;
  /** Whether `dirty` holds changes a flush must write (not only 'idle' ones). */
  private urgent = false;
  private journalEntries = 0;
  private journalBytes = 0;
  private journalExists = false;
  private soonTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private failing = false;
  /** Callers of `written` waiting for the changes in `dirty`. */
  private waiting: ((durable: boolean) => void)[] = [];

  private constructor(
    private readonly db: Low<T>,
    private readonly adapter: ValidatedJsonAdapter<T>,
    private readonly options: StoredFileOptions<T>,
  ) {}

  /**
   * Loads the file (see loadJsonFile for damage, migration and newer-schema
   * handling), then replays its journal, if any, and folds it into the file.
   * `fallback` gives the data when there is no file. Nothing else is written until a change.
   */
  static async open<T>(options: StoredFileOptions<T>, fallback: () => T): Promise<StoredFile<T>> {
    const adapter = new ValidatedJsonAdapter(options);
    const db = new Low<T>(adapter, fallback());
    await db.read();
    const file = new StoredFile(db, adapter, options);
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
    let text: string;
    try {
      text = (await readFileNoFollow(journal.file)).bytes.toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.journalExists = true;
    if (text.length === 0) return;
    const lines = text.split('\n');
    let unreadable = 0;
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        journal.apply(this.db.data, JSON.parse(line));
      } catch {
        const torn = index === lines.length - 1 && line.startsWith('{') && !line.includes('\0');
        if (!torn) unreadable++;
      }
    });
    if (unreadable > 0) {
      const aside = `${journal.file}.damaged-${fileStamp()}`;
      await atomicWrite(aside, text);
      this.options.notify(
        `Gloss could not read ${unreadable} of the recent changes to ${this.options.what} (${journal.file}). ` +
          `It kept every change it could read and saved a copy of that file as ${aside}.`,
      );
    }
    this.journalBytes = Buffer.byteLength(text);
    this.dirty = 'all';
    await this.write(true);
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
   * has a journal (without them the whole file is rewritten). 'soon' changes
   * are written at the next flush or after the write delay, 'idle' ones once quiet.
   */
  changed(urgency: Urgency = 'soon', keys?: Iterable<string>): void {
    this.dirty = mergeDirty(this.dirty, keys && this.options.journal ? new Set(keys) : 'all');
    if (urgency === 'soon') {
      this.urgent = true;
      this.soonTimer ??= setTimeout(() => this.writeInBackground(false), this.options.writeDelayMs);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.writeInBackground(true), this.options.idleDelayMs);
  }

  /**
   * Resolves once every change marked so far is on disk: true after the write
   * that holds it (failed writes are retried), false when it was dropped by
   * `dispose` instead. True at once when nothing is pending.
   */
  written(): Promise<boolean> {
    if (this.dirty === null) return Promise.resolve(true);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * Writes pending 'soon' changes now (to the journal where possible). With
   * `complete`, writes everything, 'idle' changes too, as one whole file,
   * and empties the journal.
   * @throws GlossError 'io' when the write fails (the change stays pending).
   */
  flush(complete = false): Promise<void> {
    return this.write(complete);
  }

  /** Drops pending changes and timers after the current write, if any, ends. */
  async dispose(): Promise<void> {
    clearTimeout(this.soonTimer);
    clearTimeout(this.idleTimer);
    this.dirty = null;
    this.urgent = false;
    await this.queue;
    for (const resolve of this.waiting.splice(0)) resolve(false);
  }

  private writeInBackground(complete: boolean): void {
    this.write(complete).catch(() => {
      // Reported through notify and retried; nothing else to do here.
    });
  }

  private write(complete: boolean): Promise<void> {
    const run = async () => {
      if (!this.urgent && !(complete && (this.dirty !== null || this.journalBytes > 0))) return;
      this.options.beforeWrite();
      const { dirty, urgent } = this;
      const waiting = this.waiting.splice(0);
      this.dirty = null;
      this.urgent = false;
      clearTimeout(this.soonTimer);
      this.soonTimer = undefined;
      const journal = this.options.journal;
      try {
        if (
          !complete &&
          journal &&
          dirty instanceof Set &&
          this.journalEntries < JOURNAL_MAX_ENTRIES &&
          this.journalBytes < JOURNAL_MAX_BYTES
        ) {
          await this.append(journal, dirty);
        } else {
          clearTimeout(this.idleTimer);
          await this.db.write();
          if (journal && this.journalBytes > 0) {
            // Entries left behind if this truncation is lost are older than the file: replaying them changes nothing.
            const handle = await openNoFollow(journal.file, constants.O_WRONLY);
            try {
              await handle.truncate(0);
            } finally {
              await handle.close();
            }
          }
          this.journalEntries = 0;
          this.journalBytes = 0;
        }
        this.failing = false;
        for (const resolve of waiting) resolve(true);
      } catch (error) {
        this.waiting.unshift(...waiting);
        const message = error instanceof Error ? error.message : String(error);
        // After a failed append the journal may end in a partial line: rewrite the whole file next time.
        this.dirty = mergeDirty(journal && dirty instanceof Set ? 'all' : dirty, this.dirty);
        this.urgent ||= urgent || complete;
        this.soonTimer ??= setTimeout(
          () => this.writeInBackground(complete),
          Math.max(1000, this.options.writeDelayMs),
        );
        if (!this.failing) {
          this.failing = true;
          this.options.notify(
            `Gloss could not save ${this.options.what} (${this.options.file}): ${message}. It will keep trying.`,
          );
        }
        throw new GlossError(
          'io',
          `Gloss could not save ${this.options.what} (${this.options.file}): ${message}`,
        );
      }
    };
    const next = this.queue.then(run);
    this.queue = next.catch(() => {});
    return next;
  }

  /** Appends one entry and fdatasyncs it; the first append to a new journal also fsyncs its folder. */
  private async append(journal: JournalPolicy<T>, keys: ReadonlySet<string>): Promise<void> {
    const line = JSON.stringify(journal.entry(this.db.data, keys)) + '\n';
    const handle = await openNoFollow(
      journal.file,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
    );
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!this.journalExists) {
      await fsyncDir(path.dirname(journal.file));
      this.journalExists = true;
    }
    this.journalEntries++;
    this.journalBytes += Buffer.byteLength(line);
  }
}

import { readFileNoFollow } from '../fs/no-follow';

/**
 * A journal is folded into its file, in the background once the write that made it this long is
 * acknowledged, when it holds as many bytes as the file or this many, whichever is more: a fold costs
 * about the file's size, so as the file grows the folds grow rarer and their cost per change appended
 * stays the same, and replaying the journal at open never costs much more than reading the file.
 */
export const JOURNAL_FOLD_BYTES = 1024 * 1024;
/** The journal's length, in bytes, at which it is folded into a file of `fileBytes`. */
export const foldLength = (fileBytes: number): number => Math.max(JOURNAL_FOLD_BYTES, fileBytes);
/**
 * A journal this many times the length that folds it (its background folds failing, on a nearly full
 * disk say) is no longer appended to: the next write rewrites the whole file on the write path, and is
 * refused if it cannot.
 */
export const JOURNAL_MAX_FOLDS = 4;

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
   * Readies `data` to take the entries read back from a journal, once for
   * them all, and returns what applies one: each then costs what the entry
   * holds, not a pass over the whole data.
   * The returned function throws DamagedDataError when an entry does not validate.
   */
  replay(data: T): (entry: unknown) => void;
}

/**
 * Applies the journal's readable entries to `data`; null when there is no journal. `unreadable` counts
 * the lines that did not apply, a torn last line (a crash during an append never confirmed) not counted.
 */
export async function readJournal<T>(
  journal: JournalPolicy<T>,
  data: T,
): Promise<{ text: string; unreadable: number } | null> {
  let text: string;
  try {
    text = (await readFileNoFollow(journal.file)).bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n');
  let unreadable = 0;
  let apply: ((entry: unknown) => void) | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      apply ??= journal.replay(data);
      apply(JSON.parse(line));
    } catch {
      const torn = index === lines.length - 1 && line.startsWith('{') && !line.includes('\0');
      if (!torn) unreadable++;
    }
  });
  return { text, unreadable };
}

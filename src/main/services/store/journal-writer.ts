import { constants, fstatSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../fs/atomic-write';
import { openNoFollow } from '../fs/no-follow';

/**
 * Entries up to this many bytes are written at once (into the page cache, microseconds) rather than
 * through the thread pool, whose round trip costs more CPU than the write; the fdatasync stays async.
 */
const SMALL_WRITE_BYTES = 64 * 1024;

/**
 * The append side of one journal file, kept open between appends: the file
 * is opened once (without following a link, see openNoFollow), and each
 * append costs one fstat, one write and one fdatasync (the fstat, and the
 * write of a small entry, made synchronously). It is reopened only
 * after it was emptied by a fold or when the path no longer leads to the
 * open file (removed or replaced: its link count dropped to 0).
 */
export class JournalWriter {
  /** Bytes this process knows the journal to hold (what it read back plus what it appended). */
  bytes = 0;
  /** Whether the journal exists on disk (its folder entry is durable). */
  exists = false;
  /** The journal may end in a partial line: the next write must rewrite the whole file. */
  torn = false;
  private handle: FileHandle | undefined;

  constructor(readonly file: string) {}

  /**
   * Whether the journal on disk is not the one this process knows: its size
   * differs from `bytes`, or the open file was removed or replaced. Opens
   * the journal when it is not open (with `create`, creating it; without,
   * a missing journal counts as empty).
   * @throws GlossError('forbidden') for a link; fs errors.
   */
  async changedOnDisk(create: boolean): Promise<boolean> {
    if (this.handle) {
      // An fstat of an open file reads no disk: done at once rather than through the thread pool.
      const info = fstatSync(this.handle.fd);
      if (info.nlink > 0) return info.size !== this.bytes;
      await this.close();
      this.exists = false;
    }
    try {
      this.handle = await openNoFollow(
        this.file,
        constants.O_WRONLY | constants.O_APPEND | (create ? constants.O_CREAT : 0),
      );
    } catch (error) {
      if (!create && (error as NodeJS.ErrnoException).code === 'ENOENT') return this.bytes !== 0;
      throw error;
    }
    return (await this.handle.stat()).size !== this.bytes;
  }

  /** After the journal was read back: the size it has on disk now. */
  async adopt(): Promise<void> {
    if (!this.handle) return;
    this.bytes = (await this.handle.stat()).size;
  }

  /**
   * Appends `line` (ending in a newline) and fdatasyncs it; the first
   * append to a new journal also fsyncs its folder. A failed append is cut
   * off again (or, if that fails too, `torn` is set).
   * @throws GlossError('forbidden') for a link; fs errors (ENOSPC...).
   */
  async append(line: string): Promise<void> {
    if (!this.handle) await this.changedOnDisk(true);
    const handle = this.handle as FileHandle;
    const length = Buffer.byteLength(line);
    try {
      // A small entry is written from the string itself, with no Buffer made for it.
      let done = length <= SMALL_WRITE_BYTES ? writeSync(handle.fd, line) : 0;
      if (done < length) {
        // A nearly full disk takes part of a write without an error; the rest then fails (ENOSPC).
        const bytes = Buffer.from(line);
        while (done < length) {
          done +=
            length <= SMALL_WRITE_BYTES
              ? writeSync(handle.fd, bytes, done, length - done)
              : (await handle.write(bytes, done, length - done)).bytesWritten;
        }
      }
      await handle.datasync();
    } catch (error) {
      await handle.truncate(this.bytes).catch(() => {
        this.torn = true;
      });
      throw error;
    }
    if (!this.exists) {
      await fsyncDir(path.dirname(this.file));
      this.exists = true;
    }
    this.bytes += length;
  }

  /**
   * Empties the journal (after its entries were folded into the file) and
   * closes it; the next append opens it again. Failures are ignored: the
   * entries left are older than the file, and replaying them changes nothing.
   */
  async empty(): Promise<void> {
    await this.close();
    try {
      const handle = await openNoFollow(this.file, constants.O_WRONLY);
      try {
        await handle.truncate(0);
      } finally {
        await handle.close();
      }
      this.bytes = 0;
      this.torn = false;
    } catch {
      // See above.
    }
  }

  /** Closes the file if open. */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}

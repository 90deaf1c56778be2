import { statSync, type BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../fs/atomic-write';
import { mkdirNoFollow, readFileNoFollow } from '../fs/no-follow';

/** Other computers' files (digest by device folder name) known to hold nothing this computer's file lacks. */
export type KnownDigests = Record<string, string>;

/**
 * What this computer learnt by decoding another computer's file that brought
 * nothing new: that file's digest, kept per computer outside the library
 * (`<cache>/joined/<name>.json`, no link followed), so the next open reads it without decoding
 * it again. A file's own sync data keeps the same digests, but it is written
 * only with a change of its own: writing it just to note them would be news
 * to the other computers, each of which would then decode it and write its
 * own, and so on. An entry holds only while this computer's file is the very
 * one it was checked against (see fileState): once that file is rewritten or
 * restored from a backup, every file is decoded again. It is a cache: a
 * missing or unreadable one only costs that decoding.
 */
export class KnownJoins {
  constructor(private readonly dir: string) {}

  /** The digests known held by this computer's file `name` while its files are in `state`; empty when none. */
  async known(name: string, state: string): Promise<KnownDigests> {
    try {
      const { bytes } = await readFileNoFollow(this.file(name));
      const entry = JSON.parse(bytes.toString('utf8')) as { state?: unknown; digests?: unknown };
      if (entry.state !== state || !isDigests(entry.digests)) return {};
      return entry.digests;
    } catch {
      return {};
    }
  }

  /**
   * Notes that this computer's file `name`, in `state`, holds everything of
   * the other computers' files with these digests. Only true when nothing
   * merged from them is waiting to be written. Never throws (a failure only
   * means decoding them again).
   */
  async remember(name: string, state: string, digests: KnownDigests): Promise<void> {
    try {
      await mkdirNoFollow(this.dir);
      await atomicWrite(this.file(name), JSON.stringify({ state, digests }));
    } catch {
      // Not noted: the files are decoded again at the next open.
    }
  }

  private file(name: string): string {
    return path.join(this.dir, `${name}.json`);
  }
}

/**
 * Identifies the files as they are on disk now (inode, size and modification
 * time of each; a missing one counts too): every write of a Gloss file
 * replaces it or appends to it, so any write gives another state.
 */
export async function fileState(...files: string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (file) => stateOf(await stat(file, { bigint: true }).catch(() => null))),
  );
  return parts.join('|');
}

/** fileState of one file, looked up synchronously (just before it is relied on). */
export function fileStateNow(file: string): string {
  return stateOf(statSync(file, { bigint: true, throwIfNoEntry: false }) ?? null);
}

function stateOf(info: BigIntStats | null): string {
  return info ? `${info.ino}:${info.size}:${info.mtimeNs}` : '-';
}

function isDigests(value: unknown): value is KnownDigests {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((digest) => typeof digest === 'string')
  );
}

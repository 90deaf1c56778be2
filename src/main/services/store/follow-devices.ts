import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { absorbLibrary, absorbShard, type Absorbing } from './absorb';
import { describeError } from './context';
import {
  deviceFolder,
  libraryBytesAt,
  otherDeviceFolders,
  readLibraryAt,
  readShardFiles,
  shardBytesAt,
} from './devices';
import { fileStamp } from './files';
import { notice } from '../notice';

const SHARD_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|journal)$/;
/** Syncthing: `name.sync-conflict-20240501-101010-ABCDEFG.ext`. */
const SYNCTHING_CONFLICT = /^(.*)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(\.[^.]*)?$/;
/** Dropbox `name (Host's conflicted copy 2024-05-01).ext`; Nextcloud `name (conflicted copy 2024-05-01 101010).ext`. */
const COPY_CONFLICT = /^(.*) \([^()]*conflicted copy[^()]*\)(\.[^.]*)?$/i;

/** The file a sync tool's conflict copy stands for (its name without the conflict mark), or null. */
export function conflictOriginal(name: string): string | null {
  const match = SYNCTHING_CONFLICT.exec(name) ?? COPY_CONFLICT.exec(name);
  return match ? `${match[1] ?? ''}${match[2] ?? ''}` : null;
}

/** Options of a DeviceFollower. */
export interface FollowOptions extends Absorbing {
  glossDir: string;
  /** Time between two looks at the other devices' folders, in ms. */
  intervalMs: number;
}

const signature = (info: { mtimeMs: number; size: number }) => `${info.mtimeMs}:${info.size}`;

/**
 * Picks up what other computers wrote while this one has the library open:
 * every `intervalMs` it looks at the other devices' folders, joins each file
 * that changed (see absorbLibrary, absorbShard) and announces the changes;
 * this device's own writes never overwrite them, as its files hold the join.
 * Conflict copies a sync tool made of any Gloss file (Syncthing, Dropbox,
 * Nextcloud) are joined the same way, then moved to `.gloss/conflicts/`.
 */
export class DeviceFollower {
  private readonly seen = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: FollowOptions) {}

  /** Notes the files as they are now (already joined at open), then looks again every interval. */
  async start(): Promise<void> {
    await this.scan(true);
    this.schedule();
  }

  /** One look now (waits for one running); resolves once what it found is joined and announced. */
  async pickUp(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.scan(false).finally(() => (this.running = undefined));
    await this.running;
  }

  /** Stops looking; resolves once a running look ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.pickUp()
        .catch((error: unknown) => {
          this.options.ctx.notify(notice('notices.othersUnreadable', { detail: describeError(error) }));
        })
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async scan(prime: boolean): Promise<void> {
    const { glossDir, ctx, deviceId } = this.options;
    const own = deviceFolder(glossDir, deviceId);
    const others = await otherDeviceFolders(glossDir, deviceId);
    const conflicts: string[] = [];
    for (const folder of [own, ...others]) {
      for (const dir of [folder, path.join(folder, 'annotations')]) {
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          if (conflictOriginal(name)) conflicts.push(path.join(dir, name));
        }
      }
    }
    if (conflicts.length > 0) await this.absorbConflicts(conflicts);
    for (const folder of others) {
      if (this.stopped) return;
      const key = path.basename(folder);
      const library = path.join(folder, 'library.json');
      if ((await this.changed(library)) && !prime) {
        const source = await libraryBytesAt(folder).catch(() => null);
        const theirs = source && tryDecode(source.decode);
        if (source && theirs) await absorbLibrary(this.options, theirs, { key, digest: source.digest });
      }
      const dir = path.join(folder, 'annotations');
      const ids = new Set<string>();
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const id = SHARD_FILE.exec(name)?.[1];
        if (id && (await this.changed(path.join(dir, name)))) ids.add(id);
      }
      if (prime) continue;
      for (const id of ids) {
        if (!ctx.articles.has(id)) continue;
        try {
          const source = await shardBytesAt(folder, id);
          if (!source) continue;
          await absorbShard(this.options, source.decode());
          ctx.shards.noteHeld(id, source, folder);
        } catch (error) {
          ctx.notify(notice('notices.othersHighlightsUnreadable', { folder, detail: describeError(error) }));
        }
      }
    }
  }

  /** Whether a file's time or size differs from when last seen (and notes them). */
  private async changed(file: string): Promise<boolean> {
    const info = await stat(file).catch(() => null);
    const now = info ? signature(info) : '';
    if (this.seen.get(file) === now) return false;
    this.seen.set(file, now);
    return now !== '';
  }

  private async absorbConflicts(files: string[]): Promise<void> {
    const { glossDir, ctx } = this.options;
    const aside = path.join(glossDir, 'conflicts', fileStamp());
    let merged = 0;
    for (const file of files) {
      const original = conflictOriginal(path.basename(file)) ?? '';
      try {
        if (original === 'library.json') {
          const theirs = await readLibraryAt(path.dirname(file), path.basename(file));
          if (theirs) await absorbLibrary(this.options, theirs);
        } else {
          const match = SHARD_FILE.exec(original);
          if (!match?.[1]) continue;
          const journal = match[2] === 'journal';
          const theirs = await readShardFiles(match[1], journal ? null : file, journal ? file : null);
          if (theirs) await absorbShard(this.options, theirs);
        }
        const target = path.join(aside, path.relative(glossDir, file));
        await mkdir(path.dirname(target), { recursive: true });
        await rename(file, target);
        merged++;
      } catch (error) {
        ctx.notify(notice('notices.conflictUnmerged', { file, detail: describeError(error) }));
      }
    }
    if (merged > 0) {
      ctx.notify(notice('notices.conflictsMerged', { count: merged, aside }));
    }
  }
}

/** What `decode` gives, or null when it throws (a file being written: it is read again once it changes). */
function tryDecode<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, lstat, mkdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GlossError } from '../../../shared/result';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/**
 * A lock from another computer (a library on a shared drive), or of the
 * older folder form, whose owner cannot be asked: stale once it has not
 * been refreshed for this long. Owners refresh it every HEARTBEAT_MS.
 */
const FOREIGN_STALE_MS = 30_000;
const HEARTBEAT_MS = 5_000;
/** Tries to take the lock while another process is breaking a stale one. */
const BREAK_ATTEMPTS = 20;

/** The hold one process has on a library. */
export interface LibraryLock {
  /** Lets the library go. Safe to call twice. */
  release(): Promise<void>;
}

/** Who holds a lock, as written in `.gloss/lock`. */
interface Owner {
  hostname: string;
  pid: number;
  /** When the process started (Linux: clock ticks since boot), so a reused PID is not taken for the owner; null where unknown. */
  started: number | null;
}

/** When process `pid` started, in clock ticks since boot; null where /proc cannot tell (not Linux, no such process). */
function startTimeOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const me = (): Owner => ({ hostname: os.hostname(), pid: process.pid, started: startTimeOf(process.pid) });

const sameOwner = (a: Owner | null, b: Owner): boolean =>
  a !== null && a.hostname === b.hostname && a.pid === b.pid && a.started === b.started;

function parseOwner(text: string): Owner | null {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    if (typeof value.hostname !== 'string' || !Number.isInteger(value.pid)) return null;
    return { hostname: value.hostname, pid: value.pid as number, started: value.started ?? null };
  } catch {
    return null;
  }
}

/** What is at the lock path: an owner, an unreadable file or the older folder form (with its age), or nothing. */
async function readLock(file: string): Promise<{ owner: Owner | null; ageMs: number } | null> {
  try {
    const info = await lstat(file);
    const owner = info.isFile() ? parseOwner(await readFile(file, 'utf8')) : null;
    return { owner, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Whether a lock may be taken over. On this computer its owner is asked
 * directly: a living process keeps its lock however long it has been
 * stopped or asleep, a dead one (or a PID now used by another process)
 * frees it at once. Otherwise its age decides.
 */
function isStale(lock: { owner: Owner | null; ageMs: number }): boolean {
  const { owner } = lock;
  if (owner && owner.hostname === os.hostname()) {
    if (!isAlive(owner.pid)) return true;
    return owner.started !== null && startTimeOf(owner.pid) !== owner.started;
  }
  return lock.ageMs > FOREIGN_STALE_MS;
}

function lockedMessage(libraryPath: string, owner: Owner | null): string {
  const who =
    owner && owner.hostname === os.hostname() ? `Gloss (process ${owner.pid})` : 'Gloss window or process';
  return (
    `The library ${libraryPath} is open in another ${who}. Close it there and try again ` +
    `(a Gloss that stopped unexpectedly frees it at once).`
  );
}

/** Creates the lock file holding `owner`, whole or not at all; false when one exists. */
async function create(file: string, owner: Owner): Promise<boolean> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(owner), { flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Takes this computer's lock of a library (`lockFile`, in
 * `.gloss/locks/<deviceId>.lock`: a small JSON file naming the computer, the
 * process and its start time). Each computer has its own lock file, so a
 * library in a synced folder is never locked by another computer; two
 * processes on one computer exclude each other.
 * The lock is refreshed every few seconds; should it be taken from under us
 * (removed by hand, or broken by a process on another computer that found it
 * old), `onLost` receives a message and the owner must stop writing.
 *
 * @throws GlossError 'locked' when another living process holds it, 'io' when it cannot be created.
 */
export async function lockLibrary(
  libraryPath: string,
  lockFile: string,
  onLost: (said: Notice) => void,
): Promise<LibraryLock> {
  const file = lockFile;
  const owner = me();
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await acquire(file, owner, libraryPath);
  } catch (error) {
    if (error instanceof GlossError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new GlossError('io', `Gloss could not lock the library ${libraryPath}: ${message}`);
  }
  let released = false;
  const heartbeat = setInterval(() => {
    void readLock(file).then(
      async (lock) => {
        if (released) return;
        if (!sameOwner(lock?.owner ?? null, owner)) {
          released = true;
          clearInterval(heartbeat);
          onLost(notice('notices.lockLost', { library: libraryPath }));
          return;
        }
        const now = new Date();
        await utimes(file, now, now);
      },
      () => undefined,
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      const lock = await readLock(file).catch(() => null);
      if (sameOwner(lock?.owner ?? null, owner)) await unlink(file).catch(() => undefined);
    },
  };
}

async function acquire(file: string, owner: Owner, libraryPath: string): Promise<void> {
  for (let attempt = 0; attempt < BREAK_ATTEMPTS; attempt++) {
    if (await create(file, owner)) return;
    const lock = await readLock(file);
    if (lock === null) continue;
    if (!isStale(lock)) throw new GlossError('locked', lockedMessage(libraryPath, lock.owner));
    await breakStale(file, lock.owner);
  }
  throw new GlossError('locked', lockedMessage(libraryPath, null));
}

/**
 * Removes a stale lock, under a short-lived second lock so that two
 * processes breaking it at once cannot remove the one the other just took.
 */
async function breakStale(file: string, stale: Owner | null): Promise<void> {
  const breaking = `${file}.breaking`;
  if (!(await create(breaking, me()))) {
    const other = await readLock(breaking);
    if (other && isStale(other)) await rm(breaking, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, 50));
    return;
  }
  try {
    const lock = await readLock(file);
    const unchanged = lock !== null && (stale === null ? lock.owner === null : sameOwner(lock.owner, stale));
    if (unchanged) await rm(file, { recursive: true, force: true });
  } finally {
    await unlink(breaking).catch(() => undefined);
  }
}

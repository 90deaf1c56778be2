import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveGloss, type ServingGloss } from '../../testing/gloss-child';
import { LibraryStore } from './library-store';
import { tempDir } from './testing/fixtures';
import { lockFileOf } from './testing/own-folder';

/** The shortest time after which a timed lock would count as stale. */
const STALE_TIMEOUT_MS = 10_000;
const running: ServingGloss[] = [];
afterEach(() => {
  for (const gloss of running.splice(0)) gloss.child.kill('SIGKILL');
});

describe('the library lock', () => {
  it('is kept by a living process however long it is stopped, and freed at once when it dies', async () => {
    const dir = tempDir();
    const gloss = await serveGloss(dir);
    running.push(gloss);
    gloss.child.kill('SIGSTOP');
    // Longer than any staleness a timed lock would allow; the stopped process cannot refresh anything.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const lockFile = lockFileOf(dir);
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(lockFile, past, past);
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringContaining(`process ${gloss.child.pid}`) as string,
    });

    gloss.child.kill('SIGKILL');
    await gloss.exited;
    // A freshly refreshed lock: only asking whether its process lives can free it, not its age.
    const now = new Date();
    utimesSync(lockFile, now, now);
    const started = performance.now();
    const store = await LibraryStore.open(dir);
    // Far below any staleness timeout (10 s or more), however loaded the machine: no waiting for the lock to age.
    expect(performance.now() - started).toBeLessThan(STALE_TIMEOUT_MS);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  }, 60_000);

  it('names the computer, the process and when it started', async () => {
    const dir = tempDir();
    const store = await LibraryStore.open(dir);
    const owner = JSON.parse(readFileSync(lockFileOf(dir), 'utf8')) as Record<string, unknown>;
    expect(owner).toMatchObject({ hostname: os.hostname(), pid: process.pid });
    if (process.platform === 'linux') expect(owner.started).toEqual(expect.any(Number));
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({ code: 'locked' });
    await store.close();
  });

  // Process start times are read from /proc.
  it.runIf(process.platform === 'linux')(
    'is free when its process ID now belongs to another process',
    async () => {
      const dir = tempDir();
      mkdirSync(path.dirname(lockFileOf(dir)), { recursive: true });
      const lockFile = lockFileOf(dir);
      writeFileSync(lockFile, JSON.stringify({ hostname: os.hostname(), pid: process.pid, started: 1 }));
      const store = await LibraryStore.open(dir);
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).not.toMatchObject({ started: 1 });
      await store.close();
    },
  );
});

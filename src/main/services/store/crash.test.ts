import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { libraryCodec, shardCodec } from './codecs';
import { decodeBytes } from './files';
import { LibraryStore } from './library-store';
import { buildChild } from './testing/build-child';
import { articleMeta, tempDir, versionText } from './testing/fixtures';
import { cacheOf, lockFileOf, ownFolder } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const ROUNDS = 30;

let child: string;
beforeAll(async () => {
  child = await buildChild();
}, 60_000);

/**
 * Runs the child until it has printed `minLines` lines, then SIGKILLs it
 * after a random 0–60 ms (somewhere in a write); returns the last number it printed.
 */
function runAndKill(args: string[], minLines = 1): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    let armed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.split('\n').length > minLines) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), Math.random() * 60);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself: ${errors}`));
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.length > 0 ? Number(lines.at(-1)) : null);
    });
  });
}

/** Output of a child that runs to completion. */
function runToEnd(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', () => resolve(out.trim()));
  });
}

describe('crash safety (a writer killed with SIGKILL)', () => {
  it('atomicWrite leaves the old or the new version, never a mix', async () => {
    const file = path.join(tempDir(), 'data.json');
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const last = await runAndKill(['atomic-loop', file, String(acknowledged + 1)]);
      expect(last).not.toBeNull();
      const text = readFileSync(file, 'utf8');
      const version = (JSON.parse(text) as { version: number }).version;
      expect(text).toBe(versionText(version));
      expect([last, (last as number) + 1]).toContain(version);
      acknowledged = version;
    }
  }, 120_000);

  it('the store leaves every file valid and every flushed change readable after a restart', async () => {
    const dir = tempDir();
    const setup = await LibraryStore.open(dir);
    setup.putArticle(articleMeta());
    await setup.close();
    const annotations = path.join(ownFolder(dir), 'annotations');
    for (let round = 0; round < ROUNDS; round++) {
      const last = (await runAndKill(['store-loop', dir, ID])) as number;
      // A killed process cannot release its lock; a real restart would wait for it to go stale.
      rmSync(lockFileOf(dir), { recursive: true, force: true });
      decodeBytes(libraryCodec, readFileSync(path.join(ownFolder(dir), 'library.json')));
      if (existsSync(path.join(annotations, `${ID}.json`))) {
        decodeBytes(shardCodec(ID), readFileSync(path.join(annotations, `${ID}.json`)));
      }
      const journal = existsSync(path.join(annotations, `${ID}.journal`))
        ? readFileSync(path.join(annotations, `${ID}.journal`), 'utf8').split('\n')
        : [];
      // Only the last line may be torn (an append the killed process never confirmed).
      for (const line of journal.slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();

      const store = await LibraryStore.open(dir);
      const count = (await store.listAnnotations(ID)).length;
      expect([last, last + 1]).toContain(count);
      expect(store.getArticle(ID)?.highlightCount).toBe(count);
      expect(await store.getArticleNote(ID)).toMatch(/^Ghi chú \d+$/);
      // Nothing to report but, at most, the temporary file of the killed write, moved aside.
      const notices = store
        .takeNotices()
        .map((n) => n.message)
        .filter((notice) => !/left behind by interrupted saves/.test(notice));
      expect(notices).toEqual([]);
      await store.close();
    }
    const backups = path.join(cacheOf(dir), 'backups', 'annotations', ID);
    const names = readdirSync(backups).filter((name) => !name.endsWith('.tmp'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) decodeBytes(shardCodec(ID), readFileSync(path.join(backups, name)));
  }, 120_000);
});

describe('two processes on one library', () => {
  it('a second process gets a clear "locked" error while the first has it open, and opens it after', async () => {
    const dir = tempDir();
    const store = await LibraryStore.open(dir);
    expect(await runToEnd(['open', dir])).toBe('locked');
    await store.close();
    expect(await runToEnd(['open', dir])).toBe('ok');
  }, 30_000);

  it('this process gets "locked" while another process is writing to the library', async () => {
    const dir = tempDir();
    const setup = await LibraryStore.open(dir);
    setup.putArticle(articleMeta());
    await setup.close();
    const proc = spawn(process.execPath, [child, 'store-loop', dir, ID], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve) => proc.stdout.once('data', resolve));
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({ code: 'locked' });
    const exited = new Promise((resolve) => proc.on('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }, 30_000);
});

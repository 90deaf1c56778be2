import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import type { ApiError } from '../../../shared/result';
import { TEST_BUILD_DIR } from '../../testing/build-main';
import { callApi, serveGloss, type ServingGloss } from '../../testing/gloss-child';
import { LibraryStore } from './library-store';
import { ARTICLE_TEXT, tempDir } from './testing/fixtures';

/** Why the suite cannot run here, or null: it needs root and a tmpfs mount (as in CI). */
function cannotMount(): string | null {
  if (process.getuid?.() !== 0) return 'the disk-full suite mounts a tmpfs, which needs root';
  const probe = tempDir('gloss-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mount -t tmpfs was refused';
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const reason = cannotMount();
if (reason) console.warn(`Skipping the disk-full suite: ${reason}.`);

const running: ServingGloss[] = [];
afterEach(() => {
  for (const gloss of running.splice(0)) gloss.child.kill('SIGKILL');
});

/** Calls the API and returns its result, error included. */
async function apiResult(url: string, method: string, params: unknown) {
  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token') ?? '';
  const response = await fetch(new URL(`/api/${method}`, address.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
    body: JSON.stringify(params),
  });
  return (await response.json()) as { ok: true; value: { id: string } } | { ok: false; error: ApiError };
}

/** Writes zeros to `file` until the disk refuses more. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(reason !== null)('a library on a full disk', () => {
  it('refuses new highlights with disk-full, loses nothing acknowledged, stops and lists without hanging', async () => {
    const mount = tempDir('gloss-full-disk-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]);
    try {
      const dir = path.join(mount, 'library');
      mkdirSync(dir);
      const gloss = await serveGloss(dir);
      running.push(gloss);
      const { article } = (await callApi(gloss.url, 'importFile', {
        name: 'son-tra.txt',
        data: Buffer.from(ARTICLE_TEXT).toString('base64'),
      })) as { article: ArticleMeta };
      const create = (n: number) =>
        apiResult(gloss.url, 'createAnnotation', {
          articleId: article.id,
          start: n % 50,
          end: (n % 50) + 3,
          color: 'yellow',
        });
      const acknowledged: string[] = [];
      for (let n = 0; n < 5; n++) {
        const result = await create(n);
        if (result.ok) acknowledged.push(result.value.id);
      }
      expect(acknowledged).toHaveLength(5);

      fill(path.join(mount, 'filler'));
      // The journal's last page may still take a few entries; then every create is refused.
      let refusal: ApiError | undefined;
      for (let n = 0; n < 200 && !refusal; n++) {
        const result = await create(n);
        if (result.ok) acknowledged.push(result.value.id);
        else refusal = result.error;
      }
      expect(refusal).toMatchObject({ code: 'disk-full', message: expect.stringContaining('full') });
      const again = await create(7);
      expect(again.ok).toBe(false);
      const listed = (await callApi(gloss.url, 'listAnnotations', { articleId: article.id })) as {
        id: string;
      }[];
      expect(listed.map((a) => a.id).sort()).toEqual([...acknowledged].sort());

      gloss.child.kill('SIGTERM');
      const stopped = await Promise.race([
        gloss.exited,
        new Promise((resolve) => setTimeout(() => resolve('hung'), 15_000)),
      ]);
      expect(stopped).not.toBe('hung');
      expect(gloss.stderr()).not.toMatch(/\n\s+at /);

      const list = await promisify(execFile)(
        process.execPath,
        [path.join(TEST_BUILD_DIR, 'cli.js'), '--library', dir, 'list'],
        { timeout: 15_000 },
      ).catch((error: { killed?: boolean; stderr?: string }) => error);
      expect((list as { killed?: boolean }).killed ?? false).toBe(false);

      rmSync(path.join(mount, 'filler'));
      const store = await LibraryStore.open(dir);
      try {
        const stored = (await store.listAnnotations(article.id)).map((a) => a.id);
        expect(stored.sort()).toEqual([...acknowledged].sort());
      } finally {
        await store.close();
      }
    } finally {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  }, 90_000);
});

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { articleMeta, tempDir } from './testing/fixtures';
import { cacheOf, ownFolder } from './testing/own-folder';

const ORPHAN = '9d5ed678-fe57-4cca-a0a1-8c2b1a9c7f10';

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('debris left by interrupted imports and writes', () => {
  it('is moved to orphaned-copies (of the library, or of its cache folder) at open, never deleted, with a notice', async () => {
    const dir = tempDir();
    const setup = await LibraryStore.open(dir);
    await setup.putArticle(articleMeta());
    await setup.close();
    const copy = path.join(dir, 'articles', 'son-tra-khao-sat.txt');
    writeFileSync(copy, 'Sơn Trà');
    // An import killed after its copy and text cache were written, before the index was.
    writeFileSync(path.join(dir, 'articles', 'half-imported.txt'), 'nửa chừng');
    writeFileSync(path.join(cacheOf(dir), 'content', `${ORPHAN}.json`), '{"text":"","blocks":[]}');
    writeFileSync(path.join(cacheOf(dir), 'content', `${ORPHAN}.blocks`), 'gloss-blocks 1');
    writeFileSync(path.join(dir, 'articles', '.half.txt.0123456789ab.tmp'), 'tạm');
    writeFileSync(path.join(ownFolder(dir), 'annotations', `.${ORPHAN}.json.0123456789ab.tmp`), '{');

    const store = await LibraryStore.open(dir);
    const notices = store.takeNotices().map((n) => n.message);
    await store.close();

    expect(notices.join('\n')).toMatch(/3 files left behind.*orphaned-copies/);
    expect(notices.join('\n')).toMatch(/2 files left behind.*orphaned-copies/);
    expect(filesUnder(path.join(dir, 'articles'))).toEqual(['son-tra-khao-sat.txt']);
    const [sweep] = readdirSync(path.join(dir, '.gloss', 'orphaned-copies'));
    const moved = filesUnder(path.join(dir, '.gloss', 'orphaned-copies', sweep as string));
    expect(moved).toEqual(
      [
        'articles/.half.txt.0123456789ab.tmp',
        'articles/half-imported.txt',
        `${path.relative(dir, ownFolder(dir))}/annotations/.${ORPHAN}.json.0123456789ab.tmp`,
      ].sort(),
    );
    const [cacheSweep] = readdirSync(path.join(cacheOf(dir), 'orphaned-copies'));
    expect(filesUnder(path.join(cacheOf(dir), 'orphaned-copies', cacheSweep as string)).sort()).toEqual([
      `content/${ORPHAN}.blocks`,
      `content/${ORPHAN}.json`,
    ]);
    const kept = path.join(
      dir,
      '.gloss',
      'orphaned-copies',
      sweep as string,
      'articles',
      'half-imported.txt',
    );
    expect(readFileSync(kept, 'utf8')).toBe('nửa chừng');
  });

  it('leaves copies alone when there is no index to judge them by', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'articles'));
    writeFileSync(path.join(dir, 'articles', 'mine.txt'), 'của tôi');
    const store = await LibraryStore.open(dir);
    expect(store.takeNotices().map((n) => n.message)).toEqual([]);
    await store.close();
    expect(filesUnder(path.join(dir, 'articles'))).toEqual(['mine.txt']);
  });
});

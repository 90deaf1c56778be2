import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { LibraryStore } from './library-store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';
import { lockFileOf, ownFolder } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const OTHER = '9d5ed678-fe57-4cca-a0a1-8c2b1a9c7f10';
const THIRD = 'c1f1a8a2-5b0e-4f43-9d4e-2f6f7c1b0a11';

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir);
  open.push(store);
  return store;
}

function highlight(store: LibraryStore, start: number) {
  return store.createAnnotation({
    articleId: ID,
    target: describeRange(ARTICLE_TEXT, start, start + 3),
    color: 'yellow',
  });
}

const journal = (dir: string) => path.join(ownFolder(dir), 'annotations', `${ID}.journal`);

/** Open file descriptors of this process that lead to `file` (Linux: /proc/self/fd). */
function descriptorsOf(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('the write path', () => {
  it('shares one journal append (one fdatasync) between concurrent callers', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.putArticle(articleMeta());
    await highlight(store, 0);
    const before = readFileSync(journal(dir), 'utf8').split('\n').length;
    const clients = await Promise.all(
      Array.from({ length: 4 }, async (_, client) => {
        for (let n = 0; n < 10; n++) await highlight(store, (client * 10 + n) % 90);
      }),
    );
    expect(clients).toHaveLength(4);
    const appends = readFileSync(journal(dir), 'utf8').split('\n').length - before;
    expect(appends).toBeLessThanOrEqual(20);
    expect(await store.listAnnotations(ID)).toHaveLength(41);
  });

  // Open descriptors are listed in /proc.
  it.runIf(process.platform === 'linux')(
    'keeps the journal open between appends and closes it once folded',
    async () => {
      const dir = tempDir();
      const store = await openStore(dir);
      await store.putArticle(articleMeta());
      for (let n = 0; n < 5; n++) await highlight(store, n);
      expect(descriptorsOf(journal(dir))).toBe(1);
      await store.close();
      expect(descriptorsOf(journal(dir))).toBe(0);
    },
  );

  it('appends to the journal now at its path when the open one was removed', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.putArticle(articleMeta());
    const first = await highlight(store, 0);
    rmSync(journal(dir));
    const second = await highlight(store, 4);
    expect(readFileSync(journal(dir), 'utf8')).toContain(second.id);
    const ids = (await store.listAnnotations(ID)).map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
  });
});

describe('a writer paused while another took the library over', () => {
  it('merges what the other wrote instead of overwriting it, and says so', async () => {
    const dir = tempDir();
    const paused = await openStore(dir);
    await paused.putArticle(articleMeta());
    const before = await highlight(paused, 0);

    // While it sleeps its lock is taken over: another process opens the library and changes it.
    rmSync(lockFileOf(dir));
    const other = await LibraryStore.open(dir);
    const theirs = await highlight(other, 10);
    await other.setArticleNote(ID, 'ghi chú của tiến trình kia');
    await other.putArticle(articleMeta({ id: OTHER, title: 'Bài của tiến trình kia' }));
    await other.close();

    // It wakes up and carries on.
    const ours = await highlight(paused, 20);
    await paused.putArticle(articleMeta({ id: THIRD, title: 'Bài sau khi thức dậy' }));
    const notices = paused.takeNotices().map((n) => n.message);
    await paused.close();
    expect(notices.join('\n')).toMatch(/Another Gloss process changed/);

    const reopened = await openStore(dir);
    const ids = (await reopened.listAnnotations(ID)).map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([before.id, theirs.id, ours.id]));
    expect(await reopened.getArticleNote(ID)).toBe('ghi chú của tiến trình kia');
    expect(reopened.listArticles().map((a) => a.id)).toEqual(expect.arrayContaining([ID, OTHER, THIRD]));
  });
});

describe('backups', () => {
  it('are taken at every fold of a journal, the newest few kept', async () => {
    const dir = tempDir();
    const store = await LibraryStore.open(dir, { backupsToKeep: 2 });
    open.push(store);
    await store.putArticle(articleMeta());
    const created = [];
    for (let n = 0; n < 3; n++) {
      created.push(await highlight(store, n * 5));
      // The journal is folded into the shard once things are quiet.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    }
    const backups = path.join(store.cacheDir, 'backups', 'annotations', ID);
    const names = readdirSync(backups).sort();
    expect(names).toHaveLength(2);
    const newest = readFileSync(path.join(backups, names[1] as string), 'utf8');
    for (const annotation of created) expect(newest).toContain(annotation.id);
  }, 20_000);
});

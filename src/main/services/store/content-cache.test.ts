import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentCache, encodeContentFile, encodeTextFile, textHash } from './content-cache';
import { LibraryStore } from './library-store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';
import { cacheOf } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const HASH = textHash(ARTICLE_TEXT);

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

async function openStore(dir: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir);
  open.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((store) => store.close()));
}

const contentDir = (dir: string) => path.join(cacheOf(dir), 'content');

describe('ContentCache', () => {
  it('keeps the most recently used articles and drops the oldest', () => {
    const cache = new ContentCache(2);
    const content = (text: string) => ({ text, blocks: [], hash: textHash(text) });
    cache.set('a', content('A'));
    cache.set('b', content('B'));
    expect(cache.get('a')?.text).toBe('A');
    cache.set('c', content('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.text).toBe('A');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('the store’s article texts', () => {
  it('reads ranges of a saved text after a reopen, without reading the content file', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta({ contentHash: HASH }));
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [{ kind: 'p', start: 0, end: 57 }] });
    await closeAll();
    // A content file that cannot be parsed proves the range comes from the text file.
    writeFileSync(path.join(contentDir(dir), `${ID}.json`), '{"text": "cut sh');
    const again = await openStore(dir);
    expect(again.readCachedText(ID, HASH, 0, 7)).toBe('Sơn Trà');
    expect(again.readCachedText(ID, HASH, 49, 56)).toBe('Đà Nẵng');
    expect(again.readCachedText(ID, HASH, 90, 10_000)).toBe(ARTICLE_TEXT.slice(90));
    expect(again.readCachedText(ID, HASH)).toBe(ARTICLE_TEXT);
  });

  it('refuses a text whose hash is not the one asked for (the article changed since)', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta({ contentHash: HASH }));
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [] });
    expect(store.readCachedText(ID, textHash('another text'), 0, 7)).toBeUndefined();
    await closeAll();
    const again = await openStore(dir);
    expect(again.readCachedText(ID, textHash('another text'), 0, 7)).toBeUndefined();
  });

  it('serves content saved before text files existed, and writes its text file', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta({ contentHash: HASH }));
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [] });
    await closeAll();
    const textFile = path.join(contentDir(dir), `${ID}.utf16le`);
    rmSync(textFile);
    const again = await openStore(dir);
    expect(again.readCachedText(ID, HASH, 0, 7)).toBe('Sơn Trà');
    await closeAll();
    expect(readFileSync(textFile).toString('utf16le')).toBe(`${HASH}\n${ARTICLE_TEXT}`);
  });

  it('reads and validates a content file once while it is in use', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta({ contentHash: HASH }));
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [] });
    await closeAll();
    const again = await openStore(dir);
    expect((await again.readContent(ID))?.text).toBe(ARTICLE_TEXT);
    rmSync(path.join(contentDir(dir), `${ID}.json`));
    expect((await again.readContent(ID))?.text).toBe(ARTICLE_TEXT);
    await again.purgeArticleData(ID);
    expect(await again.readContent(ID)).toBeUndefined();
    expect(existsSync(path.join(contentDir(dir), `${ID}.utf16le`))).toBe(false);
  });
});

describe('writing a long text in pieces', () => {
  // An emoji straddles the first cut (2^20 units), with quotes, backslashes and line ends to escape.
  const text = `${'a'.repeat((1 << 20) - 1)}😀 "Đà Nẵng"\\\n${'ă\t'.repeat(600_000)}`;
  const blocks = Array.from({ length: 9000 }, (_, i) => ({ kind: 'p' as const, start: i, end: i + 1 }));

  it('writes the same JSON as JSON.stringify, and hashes the same bytes', () => {
    expect([...encodeContentFile({ text, blocks })].join('') === JSON.stringify({ text, blocks })).toBe(true);
    // A PDF's page map is kept: without it, its highlights are not drawn after a restart.
    const pages = [{ index: 0, label: 'i', start: 0, end: 5 }];
    expect(
      [...encodeContentFile({ text, blocks, pages })].join('') === JSON.stringify({ text, blocks, pages }),
    ).toBe(true);
    expect(textHash(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    const textFile = Buffer.concat([...encodeTextFile(text, 'h')]);
    expect(textFile.equals(Buffer.from(`h\n${text}`, 'utf16le'))).toBe(true);
  });
});

describe('a new article’s content file', () => {
  it('is written after writeContent resolves, the text readable meanwhile, and replaced at once when there is one', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.putArticle(articleMeta({ contentHash: HASH }));
    const contentFile = path.join(contentDir(dir), `${ID}.json`);
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [{ kind: 'p', start: 0, end: 57 }] }, HASH);
    expect(existsSync(contentFile)).toBe(false);
    expect(store.readCachedText(ID, HASH, 0, 7)).toBe('Sơn Trà');
    await store.flush();
    expect(JSON.parse(readFileSync(contentFile, 'utf8'))).toEqual({
      text: ARTICLE_TEXT,
      blocks: [{ kind: 'p', start: 0, end: 57 }],
    });

    await store.writeContent(ID, { text: 'Sơn Trà', blocks: [] });
    expect(JSON.parse(readFileSync(contentFile, 'utf8'))).toEqual({ text: 'Sơn Trà', blocks: [] });
  });
});

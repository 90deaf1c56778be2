import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../store';
import { LibraryService } from './library-service';

const folder = path.join(__dirname, '..', 'import', 'epub', 'fixtures', 'pandoc');
const png = readFileSync(path.join(folder, 'cau-rong.png'));
const name = `${createHash('sha256').update(png).digest('hex')}.png`;

let dir: string;
let store: LibraryStore;
let library: LibraryService;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-book-images-'));
  store = await LibraryStore.open(dir, {});
  library = new LibraryService(store);
});

afterEach(async () => {
  await store.close();
});

describe('a book’s images', () => {
  it('are taken from the copy when first asked for, kept in the content cache, and made again when lost', async () => {
    const { article } = await library.importBytes(
      readFileSync(path.join(folder, 'song-han.epub')),
      'song-han.epub',
    );
    const cached = path.join(store.cacheDir, 'content', 'images', article!.id, name);
    expect(existsSync(cached)).toBe(false);
    const asked = await Promise.all([
      library.bookImage(article!.id, name),
      library.bookImage(article!.id, name),
    ]);
    for (const image of asked) expect(image).toEqual({ bytes: expect.anything(), type: 'image/png' });
    expect(Buffer.from(asked[0]!.bytes)).toEqual(png);
    expect(readFileSync(cached)).toEqual(png);
    rmSync(path.join(store.cacheDir, 'content', 'images'), { recursive: true });
    expect(Buffer.from((await library.bookImage(article!.id, name))!.bytes)).toEqual(png);
  });

  it('are only the book’s own raster images, by hash', async () => {
    const { article } = await library.importBytes(
      readFileSync(path.join(folder, 'song-han.epub')),
      'song-han.epub',
    );
    expect(await library.bookImage(article!.id, `${'0'.repeat(64)}.png`)).toBeNull();
    expect(await library.bookImage(article!.id, '../../library.json')).toBeNull();
    expect(await library.bookImage(article!.id, name.replace('.png', '.svg'))).toBeNull();
  });
});

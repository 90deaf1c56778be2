import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { column, makePdf } from '../import/fixtures/make-pdf';
import { LibraryStore } from '../store';
import { LibraryService } from './library-service';

let dir: string;
let store: LibraryStore;
let library: LibraryService;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-library-pdf-'));
  store = await LibraryStore.open(dir, {});
  library = new LibraryService(store);
});

afterEach(async () => {
  await store.close();
});

const paper = (): Promise<Uint8Array> =>
  makePdf(
    [
      { texts: column(['Trang một.', 'doi:10.1000/xyz123'], 50, 700) },
      { texts: column(['Trang hai.'], 50, 700) },
    ],
    { title: 'Bài báo khoa học', author: 'Nguyễn Văn A' },
  );

describe('LibraryService with PDF files', () => {
  it('imports a PDF: the copy byte for byte, its metadata, text and page map', async () => {
    const bytes = await paper();
    const outcome = await library.importBytes(bytes, 'bài báo.pdf');
    expect(outcome).toMatchObject({ status: 'imported', message: 'Imported “Bài báo khoa học”.' });
    expect(outcome.article).toMatchObject({
      format: 'pdf',
      title: 'Bài báo khoa học',
      author: 'Nguyễn Văn A',
      sourceFile: 'articles/bài báo.pdf',
      pageCount: 2,
      doi: '10.1000/xyz123',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(new Uint8Array(readFileSync(path.join(dir, 'articles', 'bài báo.pdf')))).toEqual(bytes);
    const content = await library.get(outcome.article.id);
    expect(content.text).toBe('Trang một. doi:10.1000/xyz123\n\nTrang hai.');
    expect(content.pages?.map((p) => content.text.slice(p.start, p.end))).toEqual([
      'Trang một. doi:10.1000/xyz123',
      'Trang hai.',
    ]);
  });

  it('reports the same PDF imported again as a duplicate', async () => {
    const bytes = await paper();
    await library.importBytes(bytes, 'a.pdf');
    const again = await library.importBytes(bytes, 'b.pdf');
    expect(again.status).toBe('duplicate');
    expect(library.list()).toHaveLength(1);
  });

  it('rebuilds the text and page map from the copy when the content cache is lost', async () => {
    const { article } = await library.importBytes(await paper(), 'paper.pdf');
    await store.close();
    rmSync(path.join(store.cacheDir, 'content'), { recursive: true });
    store = await LibraryStore.open(dir, {});
    library = new LibraryService(store);
    const content = await library.get(article.id);
    expect(content.pages).toHaveLength(2);
    expect(content.text).toContain('Trang hai.');
  });

  it("gives a PDF's page map with the first screen, from memory, from its cache files and rebuilt", async () => {
    const { article } = await library.importBytes(await paper(), 'paper.pdf');
    const { pages } = await library.get(article.id);
    expect(pages).toHaveLength(2);
    expect((await library.excerpt(article.id, 0)).pages).toEqual(pages);
    await store.close();
    store = await LibraryStore.open(dir, {});
    library = new LibraryService(store);
    expect((await library.excerpt(article.id, 0)).pages).toEqual(pages);
    await store.close();
    rmSync(path.join(store.cacheDir, 'content'), { recursive: true });
    store = await LibraryStore.open(dir, {});
    library = new LibraryService(store);
    expect((await library.excerpt(article.id, 0)).pages).toEqual(pages);
  });

  it('imports a PDF without text with a notice', async () => {
    const outcome = await library.importBytes(await makePdf([{ texts: [] }]), 'scan.pdf');
    expect(outcome.status).toBe('imported');
    expect(outcome.warnings).toEqual([expect.objectContaining({ key: 'notices.noTextLayer' })]);
    expect(outcome.warnings?.[0]?.message).toMatch(/no text layer/);
  });

  it('leaves the library unchanged when it refuses a file', async () => {
    await expect(
      library.importBytes(new TextEncoder().encode('not a pdf'), 'fake.pdf'),
    ).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(library.list()).toEqual([]);
    expect(existsSync(path.join(dir, 'articles')) ? readdirSync(path.join(dir, 'articles')) : []).toEqual([]);
  });

  it('imports a password-protected PDF with its password, stored nowhere; refuses it without', async () => {
    const bytes = readFileSync(path.join(import.meta.dirname, '../import/fixtures/son-tra-protected.pdf'));
    const password = 'đà nẵng 2026';
    for (const [given, answer] of [
      [undefined, 'needed'],
      ['sai', 'wrong'],
    ] as const) {
      await expect(library.importBytes(bytes, 'sơn trà.pdf', { password: given })).rejects.toMatchObject({
        code: 'unsupported',
        params: { password: answer },
      });
    }
    expect(library.list()).toEqual([]);
    expect(existsSync(path.join(dir, 'articles')) ? readdirSync(path.join(dir, 'articles')) : []).toEqual([]);
    const outcome = await library.importBytes(bytes, 'sơn trà.pdf', { password });
    expect(outcome.status).toBe('imported');
    expect((await library.get(outcome.article.id)).text).toContain('Sơn Trà');
    // The copy stays encrypted, byte for byte; the password is in no file of the library.
    expect(readFileSync(path.join(dir, 'articles', 'sơn trà.pdf'))).toEqual(bytes);
    // Seen again on disk (as at every start), it cannot be re-read without the password: nothing is said.
    expect(await library.refreshFromDisk(outcome.article.sourceFile)).toBeNull();
    await store.close();
    const written = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)));
    for (const needle of [password, password.normalize('NFD')])
      expect(written.some((file) => file.includes(Buffer.from(needle)))).toBe(false);
    store = await LibraryStore.open(dir, {});
  });
});

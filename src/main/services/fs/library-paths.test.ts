import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeLibraryRelative, resolveInLibrary } from './library-paths';

describe('normalizeLibraryRelative', () => {
  it('accepts paths inside the library and writes them with /', () => {
    expect(normalizeLibraryRelative('articles/son-tra.txt')).toBe('articles/son-tra.txt');
    expect(normalizeLibraryRelative('articles\\2024\\bài viết.md')).toBe('articles/2024/bài viết.md');
    expect(normalizeLibraryRelative('./articles//a.html')).toBe('articles/a.html');
    expect(normalizeLibraryRelative('articles/..hidden.md')).toBe('articles/..hidden.md');
  });

  it.each([
    ['../secret.txt'],
    ['articles/../../secret.txt'],
    ['articles/../library.json'],
    ['articles\\..\\..\\secret.txt'],
    ['..'],
  ])('refuses the parent segment in %j', (relative) => {
    expect(() => normalizeLibraryRelative(relative)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it.each([
    ['/etc/passwd'],
    ['\\Windows\\win.ini'],
    ['C:\\Windows\\win.ini'],
    ['c:secret'],
    ['\\\\server\\share\\x'],
  ])('refuses the absolute path %j', (relative) => {
    expect(() => normalizeLibraryRelative(relative)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses NUL bytes, which would cut the path short in C APIs', () => {
    expect(() => normalizeLibraryRelative('articles/a.txt\0.md')).toThrow(
      expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('NUL') }),
    );
  });

  it('refuses an empty path with a message saying what to give instead', () => {
    for (const relative of ['', '.', './', '.\\.']) {
      expect(() => normalizeLibraryRelative(relative)).toThrow(
        expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('empty') }),
      );
    }
  });
});

describe('resolveInLibrary', () => {
  let base: string;
  let library: string;
  let outside: string;

  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'gloss-paths-'));
    library = path.join(base, 'library');
    outside = path.join(base, 'outside');
    mkdirSync(path.join(library, 'articles', 'inner'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(library, 'articles', 'a.txt'), 'inside');
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('returns the absolute path of an existing or new file inside the library', async () => {
    expect(await resolveInLibrary(library, 'articles/a.txt')).toBe(path.join(library, 'articles', 'a.txt'));
    expect(await resolveInLibrary(library, 'articles/new/deeper/b.md')).toBe(
      path.join(library, 'articles', 'new', 'deeper', 'b.md'),
    );
  });

  it('refuses ../, absolute paths and NUL bytes before touching the disk', async () => {
    for (const relative of ['../outside/secret.txt', path.join(outside, 'secret.txt'), 'articles/a\0']) {
      await expect(resolveInLibrary(library, relative)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('refuses a symlinked file that points outside the library', async () => {
    symlinkSync(path.join(outside, 'secret.txt'), path.join(library, 'articles', 'link.txt'));
    await expect(resolveInLibrary(library, 'articles/link.txt')).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('symbolic link'),
    });
  });

  it('refuses a new file under a symlinked folder that points outside', async () => {
    symlinkSync(outside, path.join(library, 'articles', 'elsewhere'), 'dir');
    await expect(resolveInLibrary(library, 'articles/elsewhere/secret.txt')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(resolveInLibrary(library, 'articles/elsewhere/not-yet/new.md')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses a dangling symlink, whose target could be created outside later', async () => {
    symlinkSync(path.join(outside, 'missing.txt'), path.join(library, 'articles', 'dangling.txt'));
    await expect(resolveInLibrary(library, 'articles/dangling.txt')).rejects.toMatchObject({
      code: 'forbidden',
    });
    symlinkSync(path.join(outside, 'missing-dir'), path.join(library, 'articles', 'dangling-dir'), 'dir');
    await expect(resolveInLibrary(library, 'articles/dangling-dir/x/y.md')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses even symlinks that stay inside the library, naming them: it follows none below its root', async () => {
    const alias = path.join(library, 'articles', 'inner', 'alias.txt');
    symlinkSync(path.join(library, 'articles', 'a.txt'), alias);
    await expect(resolveInLibrary(library, 'articles/inner/alias.txt')).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(`Gloss refused to use ${alias}: it is a symbolic link`) as string,
    });
  });

  it('works when the library folder itself is reached through a symlink', async () => {
    const viaLink = path.join(base, 'library-link');
    symlinkSync(library, viaLink, 'dir');
    expect(await resolveInLibrary(viaLink, 'articles/a.txt')).toBe(path.join(viaLink, 'articles', 'a.txt'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(library, 'articles', 'link.txt'));
    await expect(resolveInLibrary(viaLink, 'articles/link.txt')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reports a missing library folder as an io error naming it', async () => {
    const missing = path.join(base, 'nope');
    await expect(resolveInLibrary(missing, 'articles/a.txt')).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining(missing),
    });
  });
});

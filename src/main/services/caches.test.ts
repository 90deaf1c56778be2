import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../../shared/model/article';
import type { SearchResults } from '../../shared/model/search';
import type { Result } from '../../shared/result';
import { startServices, type Services } from '.';
import { glossDataDir } from './library-path';
import { LibraryStore } from './store';
import { tempDir } from './store/testing/fixtures';

const SAMPLE = readFileSync(new URL('../../../resources/samples/son-tra-khao-sat.txt', import.meta.url));

afterEach(() => {
  vi.unstubAllEnvs();
});

async function call<T>(services: Services, name: string, params: unknown = {}): Promise<T> {
  const result: Result<unknown> = await services.dispatch(name, params);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Opens the library, imports the sample, highlights it, searches it, stops; resolves to the article id. */
async function importAndSearch(libraryPath: string): Promise<string> {
  const services = await startServices({ libraryPath, host: 'cli', watch: false });
  try {
    const { article } = await call<ImportOutcome>(services, 'importFile', {
      name: 'son-tra-khao-sat.txt',
      data: SAMPLE.toString('base64'),
    });
    await call(services, 'createAnnotation', { articleId: article.id, start: 0, end: 7, color: 'red' });
    expect((await call<SearchResults>(services, 'search', { query: 'son tra' })).total).toBe(1);
    return article.id;
  } finally {
    await services.stop();
  }
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The library's id, as its computers' folders name it (`.gloss/devices/<id>/library-id.json`; the least). */
function libraryId(dir: string): string {
  const devices = path.join(dir, '.gloss', 'devices');
  const ids = readdirSync(devices).map(
    (device) =>
      (JSON.parse(readFileSync(path.join(devices, device, 'library-id.json'), 'utf8')) as { id: string }).id,
  );
  return ids.sort()[0]!;
}

/** Where this computer (its app-data folder `dataDir`) keeps a library's caches. */
function cacheIn(dataDir: string, dir: string): string {
  return path.join(dataDir, 'libraries', libraryId(dir), '.gloss');
}

describe('caches and backups stay out of the library', () => {
  it('leaves in the library only what travels: copies, device records (the library id among them), locks', async () => {
    const dir = tempDir();
    const id = await importAndSearch(dir);
    const inLibrary = filesUnder(dir);
    for (const file of inLibrary) {
      expect(file).toMatch(/^(articles\/|\.gloss\/devices\/|\.gloss\/locks\/|\.stignore$)/);
    }
    const cache = cacheIn(glossDataDir(), dir);
    expect(existsSync(path.join(cache, 'content', `${id}.json`))).toBe(true);
    expect(existsSync(path.join(cache, 'search', 'v3', 'manifest.json'))).toBe(true);
    expect(readdirSync(path.join(cache, 'backups')).length).toBeGreaterThan(0);
  });

  it('builds its own caches on a second computer the library was copied to', async () => {
    const [first, second] = [tempDir(), tempDir()];
    const id = await importAndSearch(first);
    const firstCache = cacheIn(glossDataDir(), first);
    const before = filesUnder(firstCache);
    cpSync(first, second, { recursive: true });
    const otherComputer = tempDir('gloss-other-computer-');
    vi.stubEnv('XDG_CONFIG_HOME', otherComputer);

    const services = await startServices({ libraryPath: second, host: 'cli', watch: false });
    try {
      expect((await call<SearchResults>(services, 'search', { query: 'son tra' })).total).toBe(1);
      expect((await call<{ text: string }>(services, 'getArticle', { id })).text).toContain('Sơn Trà');
    } finally {
      await services.stop();
    }
    const secondCache = cacheIn(path.join(otherComputer, 'Gloss'), second);
    expect(libraryId(second)).toBe(libraryId(first));
    expect(existsSync(path.join(secondCache, 'content', `${id}.json`))).toBe(true);
    expect(existsSync(path.join(secondCache, 'search', 'v3', 'manifest.json'))).toBe(true);
    expect(filesUnder(firstCache)).toEqual(before);
  });

  it('keeps a moved library’s caches, and gives a copy opened beside its original caches of its own', async () => {
    const [original, copy] = [tempDir(), tempDir()];
    const store = await LibraryStore.open(original);
    const cache = store.cacheDir;
    await store.close();
    cpSync(original, copy, { recursive: true });
    const beside = await LibraryStore.open(copy);
    expect(beside.cacheDir).not.toBe(cache);
    await beside.close();
    rmSync(copy, { recursive: true });
    const moved = `${original}-moved`;
    renameSync(original, moved);
    const reopened = await LibraryStore.open(moved);
    expect(reopened.cacheDir).toBe(cache);
    await reopened.close();
  });

  it('moves the caches and backups an older Gloss kept in the library out of it at open, deleting nothing', async () => {
    const dir = tempDir();
    const id = await importAndSearch(dir);
    const cache = cacheIn(glossDataDir(), dir);
    // The layout of an older Gloss: caches and backups in the library, no library id.
    for (const name of ['content', 'search', 'backups']) {
      renameSync(path.join(cache, name), path.join(dir, '.gloss', name));
    }
    const old = filesUnder(path.join(dir, '.gloss')).filter((file) => !file.startsWith('devices/'));
    const text = readFileSync(path.join(dir, '.gloss', 'content', `${id}.json`));
    rmSync(path.dirname(cache), { recursive: true });
    for (const device of readdirSync(path.join(dir, '.gloss', 'devices'))) {
      rmSync(path.join(dir, '.gloss', 'devices', device, 'library-id.json'));
    }

    const store = await LibraryStore.open(dir);
    await store.close();
    for (const name of ['content', 'search', 'backups']) {
      expect(existsSync(path.join(dir, '.gloss', name))).toBe(false);
    }
    const moved = filesUnder(store.cacheDir);
    for (const file of old.filter((name) => /^(content|search|backups)\//.test(name))) {
      expect(moved).toContain(file);
    }
    expect(readFileSync(path.join(store.cacheDir, 'content', `${id}.json`))).toEqual(text);
  });

  it('never takes the cache folder’s name from a library id that is not one', async () => {
    const dir = tempDir();
    const dataDir = tempDir('gloss-data-');
    const first = await LibraryStore.open(dir, { dataDir });
    await first.close();
    // Another computer's folder, as a hostile library might hold it, and this computer's own file spoilt.
    const other = path.join(dir, '.gloss', 'devices', 'zzzzzzzzzzzzzzzz');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'library-id.json'), JSON.stringify({ id: '../escaped' }));
    writeFileSync(
      path.join(dir, '.gloss', 'devices', first.deviceId, 'library-id.json'),
      '{"id": "../../x"}',
    );

    const store = await LibraryStore.open(dir, { dataDir });
    await store.close();
    expect(path.dirname(path.dirname(store.cacheDir))).toBe(path.join(dataDir, 'libraries'));
    expect(path.basename(path.dirname(store.cacheDir))).toMatch(/^[a-z2-7]{26}$/);
    expect(readdirSync(dataDir).sort()).toEqual(['device.json', 'libraries']);
    expect(readdirSync(path.join(dataDir, 'libraries'))).toHaveLength(2);
  });

  it('agrees on one library id when two computers made one each before their folders synced', async () => {
    const [dirA, dirB] = [tempDir(), tempDir()];
    const [dataA, dataB] = [tempDir('gloss-data-'), tempDir('gloss-data-')];
    const a = await LibraryStore.open(dirA, { dataDir: dataA });
    const b = await LibraryStore.open(dirB, { dataDir: dataB });
    await Promise.all([a.close(), b.close()]);
    for (const [from, to, device] of [
      [dirA, dirB, a.deviceId],
      [dirB, dirA, b.deviceId],
    ] as const) {
      cpSync(path.join(from, '.gloss', 'devices', device), path.join(to, '.gloss', 'devices', device), {
        recursive: true,
      });
    }
    const [againA, againB] = [
      await LibraryStore.open(dirA, { dataDir: dataA }),
      await LibraryStore.open(dirB, { dataDir: dataB }),
    ];
    await Promise.all([againA.close(), againB.close()]);
    expect(path.basename(path.dirname(againA.cacheDir))).toBe(path.basename(path.dirname(againB.cacheDir)));
    expect(libraryId(dirA)).toBe(libraryId(dirB));
  });
});

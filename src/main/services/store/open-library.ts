import { mkdirNoFollow, prepareLibraryFolders } from '../fs/no-follow';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { HybridClock } from './clock';
import { libraryCodec } from './codecs';
import { deviceFolder, deviceIdOf, libraryBytesAt, otherDeviceFolders } from './devices';
import { fileState, KnownJoins, type KnownDigests } from './known-joins';
import { lockLibrary, type LibraryLock } from './lock';
import { describeError } from './context';
import { mergeLibrary } from './merge';
import { migrateToDevices } from './migrate-devices';
import { libraryCacheDir, moveCachesOutOfLibrary } from './library-cache';
import { glossDataDir } from '../library-path';
import { SCHEMA_VERSION, type LibraryFile } from './schemas';
import { metaOf, stampLibrary } from './stamps';
import { writeStignore } from './stignore';
import { StoredFile } from './stored-file';
import { sweepDebris } from './sweep';
import { storedFileOptions, type StoreHealth, type StoreTuning } from './stored-file-options';
import { notice } from '../notice';
import type { Notice } from '../../../shared/model/notice';

/** Where this computer's identity comes from (see deviceIdOf). */
export interface DeviceOptions {
  /** This computer's device id; default: the one kept in `dataDir`. */
  deviceId?: string;
  /**
   * Gloss's per-computer folder holding the device id and each library's
   * caches and backups (see libraryCacheDir); default the OS app-data folder (XDG_CONFIG_HOME).
   */
  dataDir?: string;
}

/** A library folder taken for this process, with its index loaded. */
export interface LibraryFiles {
  /** Absolute path of the library folder. */
  root: string;
  /** Absolute path of its `.gloss` folder. */
  glossDir: string;
  /** Absolute path of this computer's folder for the library's caches and backups, outside it (see libraryCacheDir). */
  cacheDir: string;
  /** This computer's device id. */
  deviceId: string;
  /** This device's folder, relative to `.gloss` (`devices/<deviceId>`). */
  own: string;
  clock: HybridClock;
  tuning: StoreTuning;
  lock: LibraryLock;
  health: StoreHealth;
  library: StoredFile<LibraryFile>;
}

/**
 * Creates `<library>/articles` and `<library>/.gloss` as needed, takes this
 * computer's lock, finds this computer's folder for the library's caches
 * and backups (moving those an older Gloss kept in the library there), moves
 * a single-computer library into this device's folder (backed up first), loads this device's library.json (validated; a
 * damaged one is moved aside and the newest valid backup restored, with a
 * notice; older data migrated) and joins every other device's into it,
 * writes `.stignore`, then moves debris of interrupted writes and imports
 * aside (see sweepDebris, with a notice). The caller releases the lock if
 * it fails later.
 * @throws GlossError 'locked', 'newer-schema', 'io'.
 */
export async function openLibraryFiles(
  libraryPath: string,
  options: Partial<StoreTuning> & DeviceOptions,
): Promise<LibraryFiles> {
  const root = path.resolve(libraryPath);
  const glossDir = path.join(root, '.gloss');
  await prepareLibraryFolders(root);
  const dataDir = options.dataDir ?? glossDataDir();
  const deviceId = options.deviceId ?? (await deviceIdOf(dataDir));
  const own = path.join('devices', deviceId);
  const tuning: StoreTuning = {
    backupsToKeep: options.backupsToKeep ?? 5,
    backupIntervalMs: options.backupIntervalMs ?? 10 * 60_000,
  };
  const health: StoreHealth = { notices: [], lostLock: undefined, wake: () => {} };
  const lock = await lockLibrary(root, path.join(glossDir, 'locks', `${deviceId}.lock`), (said) => {
    if (health.lostLock) return;
    health.lostLock = said.message;
    health.notices.push(said);
    health.wake();
  });
  try {
    const clock = new HybridClock(deviceId);
    await mkdirNoFollow(path.join(deviceFolder(glossDir, deviceId), 'annotations'), root);
    const cacheDir = await libraryCacheDir(root, deviceFolder(glossDir, deviceId), dataDir);
    await moveCachesOutOfLibrary(root, cacheDir);
    const backupsDir = path.join(cacheDir, 'backups');
    await migrateToDevices(glossDir, deviceFolder(glossDir, deviceId), backupsDir);
    await writeStignore(root).catch(() => undefined);
    const library = await StoredFile.open(
      {
        ...storedFileOptions(
          { glossDir, backupsDir, tuning, health },
          path.join(own, 'library.json'),
          'the library index',
          'library.json',
        ),
        codec: libraryCodec,
        merge: mergeLibrary,
        stamp: (data) => stampLibrary(data, clock),
        whenLost: 'index',
      },
      (): LibraryFile => ({
        schemaVersion: SCHEMA_VERSION,
        articles: [],
        tags: [],
        settings: { ...DEFAULT_SETTINGS },
      }),
    );
    // Copies and caches are judged against the index only when it loaded as saved (not restored or missing).
    const asSaved = library.loadedMtimeMs !== null && health.notices.length === 0;
    const others = await otherDeviceFolders(glossDir, deviceId);
    const known = new KnownJoins(path.join(cacheDir, 'joined'));
    const joining = {
      others,
      known,
      file: path.join(glossDir, own, 'library.json'),
      notices: health.notices,
    };
    if (await joinOthers(library.data, joining)) library.changed('idle');
    // A copy may arrive before the record naming it: with other devices, copies in articles/ are left alone.
    const swept = await sweepDebris(
      root,
      asSaved
        ? {
            sourceFiles: new Set(library.data.articles.map((article) => article.sourceFile)),
            articleIds: new Set(library.data.articles.map((article) => article.id)),
            keepCopies: others.length > 0,
          }
        : null,
      own,
      cacheDir,
    ).catch((error: unknown) => [
      notice('notices.tidyFailed', { library: root, detail: describeError(error) }),
    ]);
    health.notices.push(...swept);
    return { root, glossDir, cacheDir, deviceId, own, clock, tuning, lock, health, library };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Joins every other device's library.json into `data`, loaded from `file`
 * (one this computer's file is known to hold, by the digest kept in `data`'s
 * sync data or in `known`, is skipped); true when `data` changed, so it is
 * written only then. Unreadable files are reported into `notices`.
 */
async function joinOthers(
  data: LibraryFile,
  { others, known, file, notices }: { others: string[]; known: KnownJoins; file: string; notices: Notice[] },
): Promise<boolean> {
  if (others.length === 0) return false;
  const before = JSON.stringify({ ...data, sync: { ...metaOf(data), seen: undefined } });
  const state = await fileState(file);
  const held = await known.known('library', state);
  const decoded: KnownDigests = {};
  for (const folder of others) {
    try {
      const source = await libraryBytesAt(folder);
      const seen = (metaOf(data).seen ??= {});
      const key = path.basename(folder);
      if (!source || seen[key] === source.digest || held[key] === source.digest) continue;
      mergeLibrary(data, source.decode());
      seen[key] = source.digest;
      decoded[key] = source.digest;
    } catch (error) {
      notices.push(notice('notices.otherIndexUnreadable', { folder, detail: describeError(error) }));
    }
  }
  if (JSON.stringify({ ...data, sync: { ...data.sync, seen: undefined } }) !== before) return true;
  // Nothing merged: this computer's file, as on disk, holds every file decoded.
  if (Object.keys(decoded).length > 0) await known.remember('library', state, { ...held, ...decoded });
  return false;
}

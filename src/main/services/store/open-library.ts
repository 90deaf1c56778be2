import { prepareLibraryFolders } from '../fs/no-follow';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { libraryCodec } from './codecs';
import { removeStaleTemps } from './files';
import { lockLibrary, type LibraryLock } from './lock';
import { SCHEMA_VERSION, type LibraryFile } from './schemas';
import { StoredFile } from './stored-file';
import { storedFileOptions, type StoreHealth, type StoreTuning } from './stored-file-options';

/** A library folder taken for this process, with its index loaded. */
export interface LibraryFiles {
  /** Absolute path of the library folder. */
  root: string;
  /** Absolute path of its `.gloss` folder. */
  glossDir: string;
  tuning: StoreTuning;
  lock: LibraryLock;
  health: StoreHealth;
  library: StoredFile<LibraryFile>;
}

/**
 * Creates `<library>/articles` and `<library>/.gloss` as needed, takes the
 * single-process lock, removes temporary files left by interrupted writes,
 * and loads library.json (validated; a damaged one is moved aside and the
 * newest valid backup restored, with a notice; older data migrated). The
 * caller releases the lock if it fails later.
 * @throws GlossError 'locked', 'newer-schema', 'io'.
 */
export async function openLibraryFiles(
  libraryPath: string,
  options: Partial<StoreTuning>,
): Promise<LibraryFiles> {
  const root = path.resolve(libraryPath);
  const glossDir = path.join(root, '.gloss');
  await prepareLibraryFolders(root);
  const tuning: StoreTuning = {
    backupsToKeep: options.backupsToKeep ?? 5,
    backupIntervalMs: options.backupIntervalMs ?? 10 * 60_000,
  };
  const health: StoreHealth = { notices: [], lostLock: undefined, wake: () => {} };
  const lock = await lockLibrary(root, glossDir, (message) => {
    if (health.lostLock) return;
    health.lostLock = message;
    health.notices.push(message);
    health.wake();
  });
  try {
    for (const dir of [glossDir, path.join(glossDir, 'annotations'), path.join(glossDir, 'content')]) {
      await removeStaleTemps(dir);
    }
    const library = await StoredFile.open(
      {
        ...storedFileOptions(glossDir, tuning, health, 'library.json', 'the library index'),
        codec: libraryCodec,
        whenLost:
          'No valid backup was found, so the article list starts empty; highlights and notes in .gloss/annotations are untouched.',
      },
      (): LibraryFile => ({
        schemaVersion: SCHEMA_VERSION,
        articles: [],
        tags: [],
        settings: { ...DEFAULT_SETTINGS },
      }),
    );
    return { root, glossDir, tuning, lock, health, library };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

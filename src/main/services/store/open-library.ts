import { prepareLibraryFolders } from '../fs/no-follow';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { libraryCodec } from './codecs';
import { lockLibrary, type LibraryLock } from './lock';
import { describeError } from './context';
import { mergeLibrary } from './merge';
import { SCHEMA_VERSION, type LibraryFile } from './schemas';
import { StoredFile } from './stored-file';
import { sweepDebris } from './sweep';
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
 * single-process lock, loads library.json (validated; a damaged one is
 * moved aside and the newest valid backup restored, with a notice; older
 * data migrated), then moves debris of interrupted writes and imports aside
 * (see sweepDebris, with a notice). The caller releases the lock if it
 * fails later.
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
    const library = await StoredFile.open(
      {
        ...storedFileOptions(glossDir, tuning, health, 'library.json', 'the library index'),
        codec: libraryCodec,
        merge: mergeLibrary,
        whenLost:
          'No valid backup was found, so Gloss rebuilds the article list from what the library holds (highlights and notes in .gloss/annotations, cached texts, the copies in articles/).',
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
    const swept = await sweepDebris(
      root,
      asSaved
        ? {
            sourceFiles: new Set(library.data.articles.map((article) => article.sourceFile)),
            articleIds: new Set(library.data.articles.map((article) => article.id)),
          }
        : null,
    ).catch((error: unknown) => `Gloss could not tidy up ${root}: ${describeError(error)}`);
    if (swept) health.notices.push(swept);
    return { root, glossDir, tuning, lock, health, library };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

import { watch, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryService } from './library-service';
import type { Notice } from '../../../shared/model/notice';
import { errorNotice } from '../notice';

/**
 * Watches `<library>/articles` and refreshes an article whenever its copy is
 * changed or replaced on disk (also for edits made while Gloss was closed:
 * at start every copy newer than its article record is checked once).
 * `report` receives a notice for the user after each refresh.
 */
export function watchArticles(
  libraryPath: string,
  library: LibraryService,
  report: (notice: Notice) => void,
  options: { stabilityMs?: number } = {},
): { ready: Promise<void>; close(): Promise<void> } {
  const articlesDir = path.join(libraryPath, 'articles');
  let queue = Promise.resolve();
  const refresh = (absolute: string, initial: boolean) => {
    const sourceFile = path.relative(libraryPath, absolute).split(path.sep).join('/');
    queue = queue.then(async () => {
      if (initial) {
        const article = library.list().find((a) => a.sourceFile === sourceFile);
        const info = await stat(absolute).catch(() => null);
        if (!article || !info || info.mtime.toISOString() <= article.updatedAt) return;
      }
      const said = await library.refreshFromDisk(sourceFile).catch(errorNotice);
      if (said) report(said);
    });
  };
  let initialDone = false;
  const watcher: FSWatcher = watch(articlesDir, {
    ignoreInitial: false,
    depth: 0,
    atomic: true,
    awaitWriteFinish: { stabilityThreshold: options.stabilityMs ?? 300, pollInterval: 50 },
  });
  watcher.on('add', (file) => refresh(file, !initialDone));
  watcher.on('change', (file) => refresh(file, false));
  const ready = new Promise<void>((resolve) =>
    watcher.once('ready', () => {
      initialDone = true;
      resolve();
    }),
  );
  return {
    ready,
    close: async () => {
      await watcher.close();
      await queue;
    },
  };
}

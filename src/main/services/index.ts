import type { AppInfo } from '../../shared/model/app';
import { createDispatch, type Dispatch } from '../dispatch';
import type { Handlers } from './handlers';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { exportHandlers } from './export';
import { libraryHandlers } from './library/handlers';
import { LibraryService } from './library/library-service';
import { watchArticles } from './library/watcher';
import { followChanges } from './search/follow-changes';
import { searchHandlers } from './search/handlers';
import { SearchService } from './search/search-service';
import { runEveryStep } from './stop';
import { LibraryStore } from './store';
import type { ChangeFeed } from './store/change-feed';

export interface ServicesOptions {
  /** Absolute path of the library folder. */
  libraryPath: string;
  host: AppInfo['host'];
  /** Watch `articles/` for files changed on disk (default true; the CLI's one-shot commands turn it off). */
  watch?: boolean;
}

/** Every domain service of one library, wired to the API contract. */
export interface Services {
  handlers: Handlers;
  dispatch: Dispatch;
  /** The library's change feed: every committed change, once it is on disk. */
  changes: ChangeFeed;
  /**
   * Writes pending changes now and resolves once their change events have
   * been delivered (the search index then holds them).
   * @throws GlossError 'io' when a file cannot be written.
   */
  flush(): Promise<void>;
  /**
   * Flushes pending writes first, then closes the watcher, saves the search index and releases the
   * library, each step even if an earlier one failed (the first failure is rethrown). Safe to call twice.
   */
  stop(): Promise<void>;
}

/**
 * Starts the services for one library folder: opens its store, purges
 * articles deleted in an earlier session, loads or builds the search index
 * and keeps it current by following the store's change feed, and watches
 * the article files.
 * @throws GlossError 'locked' when another process has the library open, 'newer-schema', 'io'.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const store = await LibraryStore.open(options.libraryPath);
  const library = new LibraryService(store);
  await library.purgeDeleted();
  const search = SearchService.start(options.libraryPath, store);
  const unfollow = store.changes.subscribe(
    followChanges(search, {
      getArticle: (id) => store.getArticle(id),
      text: (id) => library.text(id),
      listAnnotations: (articleId, filter) => store.listAnnotations(articleId, filter),
    }),
  );
  const watcher =
    options.watch === false
      ? null
      : watchArticles(options.libraryPath, library, (message) => store.addNotice(message));
  const handlers: Handlers = {
    ...appHandlers(options.host, options.libraryPath),
    ...libraryHandlers(library),
    ...annotationHandlers(store),
    ...searchHandlers(search),
    ...exportHandlers(store),
  };
  let stopped: Promise<void> | undefined;
  return {
    handlers,
    dispatch: createDispatch(handlers),
    changes: store.changes,
    flush: () => store.flush(),
    stop: () =>
      (stopped ??= runEveryStep([
        // Pending changes reach the index before it is saved.
        () => store.flush(),
        () => watcher?.close(),
        () => unfollow(),
        () => search.save(),
        () => store.close(),
      ])),
  };
}

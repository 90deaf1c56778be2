import type { AppInfo } from '../../shared/types';
import { createDispatch, type Dispatch, type Handlers } from '../rpc';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { searchHandlers } from './search/handlers';
import { SearchService } from './search/search-service';
import { LibraryStore } from './store';

export interface ServicesOptions {
  /** Absolute path of the library folder. */
  libraryPath: string;
  host: AppInfo['host'];
}

/** Every domain service of one library, wired to the API contract. */
export interface Services {
  handlers: Handlers;
  dispatch: Dispatch;
  /** Flushes pending writes and releases the library. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the services for one library folder, opening its store.
 * @throws GlossError 'locked' when another process has the library open, 'newer-schema', 'io'.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const store = await LibraryStore.open(options.libraryPath);
  const search = SearchService.start(options.libraryPath, store);
  const handlers: Handlers = {
    ...appHandlers(options.host, options.libraryPath),
    ...annotationHandlers(store),
    ...searchHandlers(search),
  };
  let stopped: Promise<void> | undefined;
  return {
    handlers,
    dispatch: createDispatch(handlers),
    stop: () => (stopped ??= search.save().then(() => store.close())),
  };
}

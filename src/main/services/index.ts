import type { AppInfo } from '../../shared/types';
import { createDispatch, type Dispatch, type Handlers } from '../rpc';
import { appHandlers } from './app';
import { searchHandlers } from './search/handlers';
import { SearchService, type SearchSource } from './search/search-service';

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

/** The search index's source until the library service is composed here: no articles. */
const noArticles: SearchSource = {
  listArticles: () => [],
  readContent: async () => undefined,
  listAnnotations: async () => [],
};

/** Starts the services for one library folder. */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const search = SearchService.start(options.libraryPath, noArticles);
  const handlers: Handlers = {
    ...appHandlers(options.host, options.libraryPath),
    ...searchHandlers(search),
  };
  let stopped: Promise<void> | undefined;
  return {
    handlers,
    dispatch: createDispatch(handlers),
    stop: () => (stopped ??= search.save()),
  };
}

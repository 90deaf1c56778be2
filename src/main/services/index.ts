import type { AppInfo } from '../../shared/types';
import { createDispatch, type Dispatch, type Handlers } from '../rpc';
import { appHandlers } from './app';

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

/** Starts the services for one library folder. */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const handlers: Handlers = {
    ...appHandlers(options.host, options.libraryPath),
  };
  return {
    handlers,
    dispatch: createDispatch(handlers),
    stop: async () => {},
  };
}

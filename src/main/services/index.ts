import { createDispatch, type Dispatch, type Handlers } from '../rpc';
import type { AppInfo } from '../../shared/types';
import { APP_NAME, APP_VERSION } from './version';

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
    getAppInfo: () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host: options.host,
      libraryPath: options.libraryPath,
    }),
  };
  return {
    handlers,
    dispatch: createDispatch(handlers),
    stop: async () => {},
  };
}

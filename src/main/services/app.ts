import type { appMethods } from '../../shared/contract/app';
import type { AppInfo } from '../../shared/model/app';
import type { SyncStatus } from '../../shared/model/sync';
import type { HandlersFor } from './handlers';
import { APP_NAME, APP_VERSION } from './version';

/** Handlers for the app domain; `syncStatus` tells which computers keep the library (see LibraryStore.syncStatus). */
export function appHandlers(
  host: AppInfo['host'],
  libraryPath: string,
  syncStatus: () => Promise<SyncStatus>,
): HandlersFor<typeof appMethods> {
  return {
    getAppInfo: () => ({ name: APP_NAME, version: APP_VERSION, host, libraryPath }),
    getSyncStatus: syncStatus,
  };
}

import type { appMethods } from '../../shared/contract/app';
import type { AppInfo } from '../../shared/model/app';
import type { SyncStatus } from '../../shared/model/sync';
import type { HandlersFor } from './handlers';
import { APP_NAME, APP_VERSION } from './version';

/**
 * Handlers for the app domain; `syncStatus` tells which computers keep the library (see
 * LibraryStore.syncStatus), `locale` is the system's language when the host knows it.
 */
export function appHandlers(
  host: AppInfo['host'],
  libraryPath: string,
  syncStatus: () => Promise<SyncStatus>,
  locale?: string,
): HandlersFor<typeof appMethods> {
  return {
    getAppInfo: () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host,
      libraryPath,
      ...(locale && { locale }),
    }),
    getSyncStatus: syncStatus,
  };
}

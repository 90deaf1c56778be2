import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TEST_BUILD_DIR } from './build-main';

/** Under Vitest: the conversion thread built by the global setup (see build-main.ts). */
export const convertWorkerScript = pathToFileURL(path.join(TEST_BUILD_DIR, 'convert-worker.js'));

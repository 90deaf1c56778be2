import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { tempRoot } from '../src/main/testing/temp-root';
import { workerTestConfig } from '../src/main/testing/vitest-worker';

const tmp = tempRoot('bench');

/** `npm run bench`: each bench/*.bench.ts measures a target against a floor measured in the same run. */
export default defineConfig({
  resolve: { alias: workerTestConfig.alias },
  test: {
    globalSetup: [
      workerTestConfig.globalSetup,
      fileURLToPath(new URL('../src/main/testing/temp-root.ts', import.meta.url)),
    ],
    setupFiles: [fileURLToPath(new URL('./production-mode.ts', import.meta.url))],
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    fileParallelism: false,
    // Every temporary folder of the run in one, deleted at its end; Gloss's per-computer folder (device
    // id, each library's caches and backups) in it too, out of the home folder.
    env: { TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config') },
    reporters: ['verbose'],
  },
});

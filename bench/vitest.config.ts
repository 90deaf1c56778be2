import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { workerTestConfig } from '../src/main/testing/vitest-worker';

/** `npm run bench`: each bench/*.bench.ts measures a target against a floor measured in the same run. */
export default defineConfig({
  resolve: { alias: workerTestConfig.alias },
  test: {
    globalSetup: [workerTestConfig.globalSetup],
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    fileParallelism: false,
    // Gloss's per-computer folder (device id, each library's caches and backups) stays out of the home folder.
    env: { XDG_CONFIG_HOME: path.join(os.tmpdir(), `gloss-bench-config-${process.pid}`) },
    reporters: ['verbose'],
  },
});

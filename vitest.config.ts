import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { workerTestConfig } from './src/main/testing/vitest-worker';

export default defineConfig({
  resolve: { alias: workerTestConfig.alias },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Gloss's per-computer folder (the device id) stays out of the home folder.
    env: { XDG_CONFIG_HOME: path.join(os.tmpdir(), `gloss-unit-config-${process.pid}`) },
    globalSetup: [workerTestConfig.globalSetup],
  },
});

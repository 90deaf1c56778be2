import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { tempRoot } from './src/main/testing/temp-root';
import { workerTestConfig } from './src/main/testing/vitest-worker';

const tmp = tempRoot('unit');

export default defineConfig({
  resolve: { alias: workerTestConfig.alias },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Every temporary folder of the run in one, deleted at its end; Gloss's per-computer folder (the
    // device id) in it too, out of the home folder.
    env: { TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config') },
    globalSetup: [
      workerTestConfig.globalSetup,
      fileURLToPath(new URL('./src/main/testing/temp-root.ts', import.meta.url)),
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { workerTestConfig } from './src/main/testing/vitest-worker';

export default defineConfig({
  resolve: { alias: workerTestConfig.alias },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    globalSetup: [workerTestConfig.globalSetup],
  },
});

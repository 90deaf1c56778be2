import { fileURLToPath } from 'node:url';

/**
 * What a Vitest config needs to run the import conversion thread from source:
 * source TypeScript cannot run on a worker thread, so the global setup builds
 * the main process once and the alias points the converter at that build.
 */
export const workerTestConfig = {
  alias: [
    {
      find: /^\.\/worker-script$/,
      replacement: fileURLToPath(new URL('./worker-script.ts', import.meta.url)),
    },
  ],
  globalSetup: fileURLToPath(new URL('./build-main.ts', import.meta.url)),
};

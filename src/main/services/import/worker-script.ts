/**
 * The conversion thread's script: built by electron-vite as its own entry,
 * `convert-worker.js`, beside the main-process bundles in out/main/ (whose
 * chunks sit in the same folder). Tests swap this module for a build of
 * their own (vitest.config.ts).
 */
export const convertWorkerScript = new URL('./convert-worker.js', import.meta.url);

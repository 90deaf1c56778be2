import { defineConfig } from '@playwright/test';

/**
 * The same specs run against two hosts: `web` drives the loopback web host in
 * Chromium, `electron` drives the desktop app and skips itself (with the
 * reason) where the Electron binary is not installed. See e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // The first import of a run starts the conversion thread, which a loaded machine makes slow.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [{ name: 'web' }, { name: 'electron' }],
});

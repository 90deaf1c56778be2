import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Where tests find the main process built from source: `cli.js` and
 * `convert-worker.js` side by side, as electron-vite lays out out/main/.
 * Inside node_modules so the bundles resolve their dependencies.
 */
export const TEST_BUILD_DIR = path.join(root, 'node_modules/.cache/gloss-test/main');

/**
 * Vitest global setup: builds the CLI and the import conversion thread once
 * per run (dependencies left external, as in the app), so tests can run the
 * real worker and spawn the real `gloss`.
 */
export default async function buildMain(): Promise<void> {
  mkdirSync(TEST_BUILD_DIR, { recursive: true });
  writeFileSync(path.join(TEST_BUILD_DIR, 'package.json'), '{ "type": "module" }\n');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: TEST_BUILD_DIR,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rolldownOptions: {
        input: {
          cli: path.join(root, 'src/main/hosts/cli/index.ts'),
          'convert-worker': path.join(root, 'src/main/services/import/convert-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
}

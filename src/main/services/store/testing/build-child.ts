import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { tempDir } from './fixtures';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');

/** Bundles testing/child.ts with its dependencies into one ES module for `node`; returns its path. */
export async function buildChild(): Promise<string> {
  const outDir = tempDir('gloss-child-');
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'child.mjs' } },
    },
  });
  return path.join(outDir, 'child.mjs');
}

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Copies pdf.js' cMaps and standard fonts into the renderer build (pdfjs/…), so PDFs never fetch them from elsewhere. */
function pdfjsAssets(): Plugin {
  const root = resolve('node_modules/pdfjs-dist');
  return {
    name: 'gloss-pdfjs-assets',
    generateBundle() {
      for (const dir of ['cmaps', 'standard_fonts']) {
        for (const file of readdirSync(resolve(root, dir))) {
          const source = readFileSync(resolve(root, dir, file));
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${file}`, source });
        }
      }
    },
  };
}

/**
 * Has index.html fetch the library's plain first screen (plain-screen.ts, imported dynamically by the
 * page's first script) and the chunks it imports alongside that script, so they are in when its first
 * answers are, though evaluated only then.
 */
function preloadPlainScreen(): Plugin {
  return {
    name: 'gloss-preload-plain-screen',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((file) => file.type === 'chunk');
        const plain = chunks.find((chunk) =>
          chunk.moduleIds.some((id) => /[\\/]library[\\/]plain-screen\.ts$/.test(id)),
        );
        if (!plain) throw new Error('The build has no chunk of library/plain-screen.ts.');
        return [plain.fileName, ...plain.imports].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // zod is bundled: loading its hundred modules one by one was most of the command line's start-up.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/hosts/electron/index.ts'),
          cli: resolve('src/main/hosts/cli/index.ts'),
          // Import conversion runs on a worker thread; src/main/services/import/worker-script.ts finds it.
          'convert-worker': resolve('src/main/services/import/convert-worker.ts'),
        },
        output: {
          // Chunks beside the entries, so every main-process module finds convert-worker.js in its own folder.
          chunkFileNames: '[name]-[hash].js',
          // The version alone, so that `gloss --version` loads nothing else.
          manualChunks: (id) =>
            /[\\/](package\.json|services[\\/]version\.ts)$/.test(id) ? 'version' : undefined,
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle them, and emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    plugins: [react(), pdfjsAssets(), preloadPlainScreen()],
    build: {
      // ES2021 keeps class private fields transpiled, so the security scan (npm test) can parse the bundle.
      target: 'es2021',
      // The page's code is minified (about a third of the bytes to fetch and parse before the first row).
      minify: true,
      // Never inline assets (small font subsets) as data: URLs, which the Content Security Policy refuses.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    // pdf.js' worker is bundled like the app, down to the same target.
    worker: { format: 'es' },
  },
});

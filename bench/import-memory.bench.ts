import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, test } from 'vitest';
import { seededRandom } from './fixtures/big-article';
import { report, type Figure } from './report';

/**
 * Peak memory of importing a 64 MB file (plain text, Markdown and HTML), each in a
 * fresh process: the importFile handler as every host calls it, the
 * conversion thread included, and the same import through the services
 * until search has indexed it. Floor: the same process after reading the
 * file and holding it once as the call's base64. Target: < 600 MB.
 */
const TARGET_MB = 600;
const SIZE = 64_000_000;
const root = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-import-memory-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WORDS = [
  'Sơn',
  'Trà',
  'là',
  'bán',
  'đảo',
  'phía',
  'đông',
  'bắc',
  'Đà',
  'Nẵng',
  'khảo',
  'sát',
  'rừng',
  'biển',
];

/** About SIZE bytes of Vietnamese paragraphs; in Markdown, with headings, list items and emphasis; in HTML, as p elements. */
function generate(format: 'txt' | 'md' | 'html'): string {
  const markdown = format === 'md';
  const random = seededRandom(11);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < SIZE - 4000; i++) {
    const words = Array.from(
      { length: 40 + Math.floor(random() * 80) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    let paragraph = words.join(' ');
    if (markdown && i % 20 === 0) paragraph = `## Phần ${i}\n\n${paragraph}`;
    if (markdown && i % 7 === 3)
      paragraph = `- **${words.slice(0, 4).join(' ')}** ${words.slice(4).join(' ')}`;
    parts.push(format === 'html' ? `<p>${paragraph}</p>\n` : `${paragraph}\n\n`);
    size += Buffer.byteLength(parts.at(-1) as string);
  }
  return format === 'html' ? `<!doctype html><title>Sơn Trà</title>\n${parts.join('')}` : parts.join('');
}

/** Bundles the child beside the built main process (for its conversion thread and packages); returns its path. */
async function buildChild(): Promise<string> {
  const outDir = path.resolve('out/bench-import');
  rmSync(outDir, { recursive: true, force: true });
  cpSync(path.resolve('out/main'), outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'import.meta.env.DEV': 'false' },
    build: {
      ssr: path.resolve('bench/fixtures/import-rss-child.ts'),
      outDir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'import-rss-child.mjs' } },
    },
  });
  return path.join(outDir, 'import-rss-child.mjs');
}

function run(child: string, file: string, mode: string): { peakMB: number; ms: number } | { error: string } {
  const library = path.join(root, `${path.basename(file)}-${mode}`);
  mkdirSync(library);
  const result = spawnSync(process.execPath, [child, library, file, mode], { encoding: 'utf8' });
  if (result.status !== 0) return { error: result.stderr.trim() };
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as { peakMB: number; ms: number };
}

test('peak memory of a 64 MB import', async () => {
  const child = await buildChild();
  const figures: Figure[] = [];
  for (const format of ['txt', 'md', 'html'] as const) {
    const name = `big.${format}`;
    const file = path.join(root, name);
    writeFileSync(file, generate(format));
    const floor = run(child, file, 'floor');
    const convert = run(child, file, 'convert');
    const imported = run(child, file, 'import');
    const indexed = run(child, file, 'indexed');
    if ('error' in floor) throw new Error(floor.error);
    figures.push({
      name: `${name}: floor (file read, held once as base64)`,
      value: floor.peakMB,
      unit: 'MB',
    });
    for (const [step, outcome] of [
      ['conversion only', convert],
      ['import (importFile)', imported],
      ['import through the services until searchable', indexed],
    ] as const) {
      if ('error' in outcome) console.log(`${name} ${step} failed: ${outcome.error}`);
      figures.push({
        name: `${name}: peak RSS, ${step}`,
        value: 'error' in outcome ? NaN : outcome.peakMB,
        unit: 'MB',
        target: `< ${TARGET_MB} MB`,
        met: !('error' in outcome) && outcome.peakMB < TARGET_MB,
      });
    }
    if (!('error' in imported))
      figures.push({ name: `${name}: import time`, value: imported.ms / 1000, unit: 's' });
    if (!('error' in indexed))
      figures.push({ name: `${name}: import until searchable`, value: indexed.ms / 1000, unit: 's' });
  }
  console.log(
    `Load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores. Before (issue 14): ` +
      'big.txt 695 MB (floor 202 MB); big.md refused (the conversion thread went over 1 GB).',
  );
  report('Import memory (64 MB files, each step in a fresh process)', figures);
});

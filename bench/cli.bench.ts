import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { percentiles, report } from './report';

const GLOSS = path.resolve('bin/gloss.js');
const RUNS = 7;
const root = mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One run of a command in a new process: wall-clock ms, CPU ms (user + system) and peak RSS in MB. */
function once(args: string[]): { ms: number; cpuMs: number; rssMB: number } {
  const t0 = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  const [rss = NaN, user = NaN, system = NaN] = (run.stderr.trim().split('\n').at(-1) ?? '')
    .split(' ')
    .map(Number);
  return { ms, cpuMs: (user + system) * 1000, rssMB: rss / 1024 };
}

/**
 * Medians of RUNS runs of each command, the commands run in turn within each round so that a floor and
 * what is held to it meet the same load; and the peak RSS of each one's last run.
 */
function timed(...commands: string[][]): { median: number; cpu: number; maxRssMB: number }[] {
  const runs = commands.map(() => [] as ReturnType<typeof once>[]);
  for (let i = 0; i < RUNS; i++) commands.forEach((args, c) => runs[c]?.push(once(args)));
  return runs.map((samples) => ({
    median: percentiles(samples.map((s) => s.ms)).median,
    cpu: percentiles(samples.map((s) => s.cpuMs)).median,
    maxRssMB: samples.at(-1)?.rssMB ?? NaN,
  }));
}

const at = '2024-05-01T08:00:00.000Z';
function meta(i: number, highlightCount: number) {
  return {
    id: randomUUID(),
    title: `Bài báo số ${i} về Đà Nẵng`,
    author: 'Phóng viên',
    published: '2024-05-01',
    sourceFile: `articles/bai-${i}.txt`,
    format: 'txt',
    contentHash: 'f'.repeat(64),
    wordCount: 900,
    charCount: 12_000,
    tags: i % 10 === 0 ? ['Đà Nẵng'] : [],
    progress: 0,
    highlightCount,
    createdAt: at,
    updatedAt: at,
    deleted: false,
  };
}

/** A library folder with `articles` records and `perArticle` highlights each, written as the store writes it. */
function library(name: string, articles: number, perArticle: number): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, '.gloss', 'annotations'), { recursive: true });
  const records = Array.from({ length: articles }, (_, i) => meta(i, perArticle));
  const settings = { theme: 'light', font: 'serif', fontSize: 19 };
  writeFileSync(
    path.join(dir, '.gloss', 'library.json'),
    JSON.stringify(
      { schemaVersion: 1, articles: records, tags: [{ name: 'Đà Nẵng', color: null }], settings },
      null,
      2,
    ),
  );
  const past = new Date(Date.now() - 3_600_000);
  for (const record of records) {
    const annotations = Array.from({ length: perArticle }, (_, h) => ({
      id: randomUUID(),
      articleId: record.id,
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: `Sơn Trà là bán đảo số ${h}`,
          prefix: 'Ở phía đông bắc, ',
          suffix: ' nằm ở Đà Nẵng.',
        },
        position: { type: 'TextPositionSelector', start: h * 50, end: h * 50 + 24 },
      },
      color: 'yellow',
      note: h % 3 === 0 ? `Ghi chú số ${h}: cần kiểm tra lại nguồn.` : '',
      tags: h % 5 === 0 ? ['Đà Nẵng'] : [],
      createdAt: at,
      updatedAt: at,
      deleted: false,
      orphaned: false,
    }));
    if (perArticle === 0) continue;
    const file = path.join(dir, '.gloss', 'annotations', `${record.id}.json`);
    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, articleId: record.id, note: '', annotations }, null, 2),
    );
    spawnSync('touch', ['-d', past.toISOString(), file]);
  }
  return dir;
}

describe('cli', () => {
  it('start-up, list --json and export against floors measured in the same run', () => {
    execFileSync(process.execPath, [GLOSS, '--version']);
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    const [nodeRun, versionRun, listRun] = timed(
      ['-e', '0'],
      [GLOSS, '--version'],
      [GLOSS, '--library', empty, 'list'],
    );
    const [node, version, list] = [nodeRun, versionRun, listRun].map((run) => run?.median ?? NaN) as [
      number,
      number,
      number,
    ];
    const startTarget = 2 * node + 100;

    const listed = library('listed', 2_000, 0);
    // The first open moves library.json into this computer's folder: the floor reads the file where it is.
    execFileSync(process.execPath, [GLOSS, '--library', listed, 'list'], { stdio: 'ignore' });
    const listedDevices = path.join(listed, '.gloss', 'devices');
    const libraryJson = path.join(listedDevices, readdirSync(listedDevices)[0] as string, 'library.json');
    const [readRun, listJsonRun] = timed(
      [
        '-e',
        `process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(${JSON.stringify(libraryJson)}, 'utf8')).articles))`,
      ],
      [GLOSS, '--library', listed, '--json', 'list'],
    );
    const readFloor = readRun?.median ?? NaN;
    const listJson = listJsonRun?.median ?? NaN;

    const exported = library('exported', 1_000, 100);
    const out = path.join(root, 'out');
    execFileSync(process.execPath, [GLOSS, '--library', exported, 'export', '--all', '--out', out], {
      stdio: 'ignore',
    });
    const files = readdirSync(out);
    expect(files).toHaveLength(1_000);
    const manifest = path.join(root, 'manifest.json');
    // The first open moved the shards into this computer's folder (.gloss/devices/<id>).
    const devices = path.join(exported, '.gloss', 'devices');
    const shards = path.join(devices, readdirSync(devices)[0] as string, 'annotations');
    writeFileSync(
      manifest,
      JSON.stringify(files.map((name, i) => ({ size: statSync(path.join(out, name)).size, i }))),
    );
    // Floor: one process that reads and parses every shard and writes the same number of bytes, file by file.
    const floorScript =
      `const fs=require('fs'),p=require('path');const m=JSON.parse(fs.readFileSync(${JSON.stringify(manifest)}));` +
      `const d=${JSON.stringify(shards)};const o=${JSON.stringify(path.join(root, 'floor'))};fs.mkdirSync(o,{recursive:true});` +
      `const names=fs.readdirSync(d);m.forEach(({size,i})=>{JSON.parse(fs.readFileSync(p.join(d,names[i]),'utf8'));fs.writeFileSync(p.join(o,i+'.md'),Buffer.alloc(size,97));});`;
    const [exportFloor, exportRun] = timed(
      ['-e', floorScript],
      [GLOSS, '--library', exported, 'export', '--all', '--out', out],
    ) as [ReturnType<typeof timed>[number], ReturnType<typeof timed>[number]];
    const bytes = files.reduce((sum, name) => sum + statSync(path.join(out, name)).size, 0);
    expect(readFileSync(path.join(out, files[0] ?? ''), 'utf8')).toContain('gloss:start');

    report('CLI: start-up, list and export (new process each run, medians)', [
      { name: 'floor: node -e 0', value: node, unit: 'ms' },
      {
        name: 'gloss --version',
        value: version,
        unit: 'ms',
        target: `<= 2x node + 100 ms (${startTarget.toFixed(0)})`,
        met: version <= startTarget,
      },
      { name: 'gloss --version / node -e 0', value: version / node, unit: 'x' },
      {
        name: 'gloss list, empty library',
        value: list,
        unit: 'ms',
        target: `<= 2x node + 100 ms (${startTarget.toFixed(0)})`,
        met: list <= startTarget,
      },
      { name: 'gloss list / node -e 0', value: list / node, unit: 'x' },
      {
        name: '    in CPU time (user + system)',
        value: (listRun?.cpu ?? NaN) / (nodeRun?.cpu ?? NaN),
        unit: 'x',
      },
      { name: 'floor: node reads + parses library.json (2,000)', value: readFloor, unit: 'ms' },
      {
        name: 'gloss list --json, 2,000 articles',
        value: listJson,
        unit: 'ms',
        target: '<= 2x floor',
        met: listJson <= 2 * readFloor,
      },
      { name: 'list --json / floor', value: listJson / readFloor, unit: 'x' },
      {
        name: '    in CPU time (user + system)',
        value: (listJsonRun?.cpu ?? NaN) / (readRun?.cpu ?? NaN),
        unit: 'x',
      },
      { name: 'floor: read + parse shards, write same bytes', value: exportFloor.median, unit: 'ms' },
      {
        name: 'gloss export --all (100,000 highlights)',
        value: exportRun.median,
        unit: 'ms',
        target: '<= 2x floor',
        met: exportRun.median <= 2 * exportFloor.median,
      },
      { name: 'export / floor', value: exportRun.median / exportFloor.median, unit: 'x' },
      { name: '    in CPU time (user + system)', value: exportRun.cpu / exportFloor.cpu, unit: 'x' },
      {
        name: 'export peak RSS',
        value: exportRun.maxRssMB,
        unit: 'MB',
        target: '< 300 MB',
        met: exportRun.maxRssMB < 300,
      },
      { name: 'floor peak RSS', value: exportFloor.maxRssMB, unit: 'MB' },
      { name: 'Markdown written', value: bytes / 1e6, unit: 'MB' },
      { name: 'before (issue 21): export', value: 5200, unit: 'ms' },
      { name: 'before (issue 21): export memory', value: 644, unit: 'MB' },
    ]);
  });
});

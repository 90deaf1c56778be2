import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const ALLOW_FILE = path.join(root, 'security', 'electronegativity-allow.json');

interface Finding {
  check: string;
  file: string;
  line: number;
  sample: string | null;
  description: string;
}

interface Scan {
  folder: string;
  findings: Finding[];
  errors: { file: string; message: string }[];
}

interface Allowed {
  check: string;
  file: string;
  sample?: string;
  reason: string;
}

/**
 * A window with every protection off (kept as text, outside the sources), to
 * prove the scan still finds what it should.
 */
const INSECURE_WINDOW = readFileSync(path.join(root, 'security', 'insecure-window.fixture.txt'), 'utf8');

const allowed = (JSON.parse(readFileSync(ALLOW_FILE, 'utf8')) as { allowed: Allowed[] }).allowed;

function matches(entry: Allowed, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.sample === undefined || entry.sample === finding.sample)
  );
}

/** Findings that no allow-list entry covers, in a form that reads well in a failure message. */
function unexpected(scan: Scan): string[] {
  return scan.findings
    .filter((finding) => !allowed.some((entry) => matches(entry, finding)))
    .map((f) => `${f.check} ${f.file}:${f.line} ${f.sample ?? ''} (${f.description})`);
}

describe('Electronegativity', () => {
  let dir: string;
  let scans: Map<string, Scan>;
  const scan = (name: string): Scan => {
    const found = scans.get(name);
    if (!found) throw new Error(`No scan of ${name} in the report.`);
    return found;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-eng-test-'));
    const require = createRequire(path.join(root, 'package.json'));
    const electronVite = path.join(
      path.dirname(require.resolve('electron-vite/package.json')),
      'bin/electron-vite.js',
    );
    const build = spawnSync(
      process.execPath,
      [electronVite, 'build', '--outDir', path.join(dir, 'out'), '--logLevel', 'error'],
      { cwd: root, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`The build failed:\n${build.stderr}`);
    mkdirSync(path.join(dir, 'canary'));
    writeFileSync(path.join(dir, 'canary', 'main.js'), INSECURE_WINDOW);

    const report = path.join(dir, 'report.json');
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, 'scripts/electronegativity.js'),
        '--json',
        report,
        path.join(root, 'src'),
        path.join(dir, 'out'),
        path.join(dir, 'canary'),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`Electronegativity did not run:\n${run.stderr}`);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { scans: Scan[] };
    scans = new Map(parsed.scans.map((s) => [s.folder, s]));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still finds an insecure window, so a silent scan cannot pass for a clean one', () => {
    const checks = scan('canary').findings.map((f) => f.check);
    for (const check of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(checks).toContain(check);
    }
    expect(unexpected(scan('canary')).length).toBeGreaterThanOrEqual(6);
  });

  it('parses every source and built file', () => {
    expect(scan('src').errors).toEqual([]);
    expect(scan('out').errors).toEqual([]);
  });

  it('reports nothing in src/ that the allow-list does not explain', () => {
    expect(unexpected(scan('src'))).toEqual([]);
  });

  it('reports nothing in the build output that the allow-list does not explain', () => {
    expect(unexpected(scan('out'))).toEqual([]);
  });

  it('keeps an allow-list of live entries, each pinned to a line and with a reason', () => {
    const all = [...scan('src').findings, ...scan('out').findings];
    const stale = allowed.filter((entry) => !all.some((finding) => matches(entry, finding)));
    expect(stale).toEqual([]);
    for (const entry of allowed) {
      expect(entry.reason.length, `${entry.check} ${entry.file}`).toBeGreaterThan(20);
      if (entry.file !== 'N/A') expect(entry.sample, `${entry.check} ${entry.file}`).toBeTruthy();
    }
  });
});

// Runs Electronegativity (@doyensec/electronegativity) over each folder given
// and reports its findings; src/main/security/electronegativity.test.ts runs
// this over src/ and a fresh build and checks them against
// security/electronegativity-allow.json.
//
//   node scripts/electronegativity.js [--json FILE] FOLDER...
//
// Prints one line per finding; with --json also writes
// { electronVersion, scans: [{ folder, findings, errors }] } to FILE.
//
// The tool's exit code is always 0, so nothing here decides pass or fail.
// It is kept offline: its HTTP client is replaced by one that always fails
// (it would fetch translations and Electron's release list), and the check
// that needs the release list (AvailableSecurityFixesGlobalCheck) is left
// out; keeping Electron current is a dependency update, not a scan.
// Each folder is copied to a temporary folder named like it, with .cjs/.mjs
// renamed .js (the tool reads only .js/.jsx/.ts/.tsx/.html), next to a copy
// of package.json; reported files are relative to that copy, so they read
// `src/main/hosts/electron/index.ts` or `out/main/index.js`. Each folder is scanned on its
// own, so a check that looks for a handler anywhere cannot be satisfied by
// another folder.
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const RENAMED_EXTENSIONS = { '.cjs': '.js', '.mjs': '.js', '.cts': '.ts', '.mts': '.ts' };

function usage(message) {
  console.error(`${message}\nUsage: node scripts/electronegativity.js [--json FILE] FOLDER...`);
  process.exit(2);
}

function parseArgs(argv) {
  const folders = [];
  let json = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      json = argv[++i] ?? usage('--json needs a file name.');
    } else folders.push(argv[i]);
  }
  if (folders.length === 0) usage('Name at least one folder to scan.');
  return { json, folders: folders.map((folder) => path.resolve(folder)) };
}

/** Makes every request of the tool's HTTP client fail at once, without touching the network. */
function cutNetwork() {
  const offline = () => Promise.reject(new Error('Electronegativity runs offline here.'));
  Object.assign(offline, { get: offline, head: offline, post: offline, stream: offline });
  const users = ['dist/locales', 'dist/finder/checks/GlobalChecks'];
  for (const from of users) {
    const file = require.resolve('got', { paths: [path.join(toolDir, from)] });
    require.cache[file] = { id: file, filename: file, loaded: true, exports: offline };
  }
}

function renameForTool(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) renameForTool(file);
    const ext = path.extname(entry.name);
    if (entry.isFile() && ext in RENAMED_EXTENSIONS) {
      renameSync(file, file.slice(0, -ext.length) + RENAMED_EXTENSIONS[ext]);
    }
  }
}

function stage(folder) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-electronegativity-'));
  const name = path.basename(folder);
  cpSync(folder, path.join(dir, name), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  renameForTool(path.join(dir, name));
  return dir;
}

async function scan(run, folder, electronVersion) {
  const input = stage(folder);
  try {
    const result = await run({
      input,
      isRelative: true,
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: electronVersion,
    });
    return {
      folder: path.basename(folder),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: issue.file.split(path.sep).join('/'),
        line: issue.location.line,
        column: issue.location.column,
        sample: issue.sample?.trim() ?? null,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        manualReview: issue.manualReview,
        description: issue.description,
      })),
      errors: result.errors.map((error) => ({
        file: path.relative(input, error.file),
        message: error.message,
        tolerable: error.tolerable,
      })),
    };
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

const { json, folders } = parseArgs(process.argv.slice(2));
const electronVersion = require('electron/package.json').version;
process.env.LANG = 'en-US';
cutNetwork();
const run = require(toolDir);
const report = { electronVersion, scans: [] };
for (const folder of folders) report.scans.push(await scan(run, folder, electronVersion));

if (json) writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
for (const { folder, findings, errors } of report.scans) {
  console.log(`${folder}: ${findings.length} finding(s), ${errors.length} parse error(s)`);
  for (const f of findings) console.log(`  ${f.check} ${f.file}:${f.line} ${f.sample ?? ''}`);
  for (const e of errors) console.log(`  could not parse ${e.file}: ${e.message}`);
}

import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** A running Gloss on a fresh temporary library, driven through whichever host the project names. */
export interface Gloss {
  page: Page;
  libraryDir: string;
  /** Web host only: the address with its token. */
  url?: string;
  /** Closes the app and starts it again on the same library. */
  restart(): Promise<Page>;
  /** Web host only: stops `gloss serve` and starts it again, leaving the page open. */
  restartServer?(): Promise<void>;
}

/** Debian's Chromium (or CHROMIUM_PATH); Playwright's own browser only where one is already installed. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/** Flags for a quiet Chromium on an offline machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Where the Electron binary would be, without triggering its download. */
export function electronBinary(): string | null {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

async function startWeb(libraryDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/gloss.js'), '--library', libraryDir, '--json', 'serve'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Gloss's data folder (the last port it served on) for this test alone.
      env: { ...process.env, XDG_CONFIG_HOME: `${libraryDir}-config` },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`gloss serve exited with ${code}: ${err}`)));
  });
  return { url, child };
}

async function stopWeb(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The system language the app starts in: Playwright's `locale` option (`test.use({ locale: 'vi-VN' })`),
 * English unless a spec says otherwise, so accessible names are the same on every machine.
 */
const DEFAULT_LOCALE = 'en-US';

export const test = base.extend<{ gloss: Gloss }>({
  gloss: async ({ playwright, locale: asked }, use, testInfo) => {
    const locale = asked ?? DEFAULT_LOCALE;
    const libraryDir = mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-'));
    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      testInfo.skip(
        !binary,
        'The Electron binary is not installed here (it is downloaded on first run, which needs the internet).',
      );
      let app: ElectronApplication;
      const launch = async () => {
        app = await _electron.launch({
          executablePath: binary!,
          args: [root, '--library', libraryDir, `--lang=${locale}`],
          env: { ...process.env, GLOSS_LIBRARY: libraryDir, LANG: `${locale.replace('-', '_')}.UTF-8` },
        });
        return app.firstWindow();
      };
      const page = await launch();
      await use({
        page,
        libraryDir,
        restart: async () => {
          await app.close();
          return launch();
        },
      });
      await app!.close();
    } else {
      const browser = await playwright.chromium.launch({
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
      });
      let server = await startWeb(libraryDir);
      let context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(server.url);
      await use({
        page,
        libraryDir,
        url: server.url,
        restart: async () => {
          await context.close();
          await stopWeb(server.child);
          server = await startWeb(libraryDir);
          context = await browser.newContext({ locale });
          const next = await context.newPage();
          await next.goto(server.url);
          return next;
        },
        restartServer: async () => {
          await stopWeb(server.child);
          server = await startWeb(libraryDir);
        },
      });
      await context.close();
      await browser.close();
      await stopWeb(server.child);
    }
    rmSync(libraryDir, { recursive: true, force: true });
    rmSync(`${libraryDir}-config`, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

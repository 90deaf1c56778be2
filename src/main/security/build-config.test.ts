import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The packaging configuration as electron-builder itself loads it (its own
 * loader and schema, from app-builder-lib, which electron-builder runs on),
 * so a misspelt key or a config file it would not find fails here.
 */
describe('packaged builds', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('burn the Electron fuses that shut the side doors into the app', () => {
    expect(config.electronFuses).toEqual({
      // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node.
      runAsNode: false,
      enableCookieEncryption: true,
      // NODE_OPTIONS=--require… and --inspect would run code inside the app.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // Only app.asar is loaded, and only if it matches the hash baked into the binary.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Pages come from app://gloss; file:// gets no more than a browser gives it.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('pack the app into an asar archive with nothing unpacked beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack ?? []).toEqual([]);
  });

  it('ship the built output only, not sources, tests or source maps', () => {
    const filters = (config.files as { filter?: string[] }[]).flatMap((set) => set.filter ?? []);
    expect(filters).toEqual(['out/**', 'package.json', '!**/*.map']);
  });

  it('is what `npm run dist` packages, after a fresh build', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      main: string;
    };
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
    expect(pkg.main.startsWith('out/')).toBe(true);
  });
});

import os from 'node:os';
import path from 'node:path';

/**
 * The library folder to use: an explicit `--library DIR`, else GLOSS_LIBRARY,
 * else `Gloss/Library` in the OS app-data folder (the same place Electron's
 * `app.getPath('appData')` points to). Returns an absolute path.
 */
export function resolveLibraryPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.GLOSS_LIBRARY;
  if (chosen) return path.resolve(chosen);
  return path.join(appDataDir(env), 'Gloss', 'Library');
}

/** Gloss's own folder in the OS app-data folder (outside any library), for state kept per computer. */
export function glossDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'Gloss');
}

function appDataDir(env: NodeJS.ProcessEnv): string {
  const home = os.homedir();
  if (process.platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

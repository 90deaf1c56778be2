/** Facts about the running app, shown in the UI and by `gloss --version`. */
export interface AppInfo {
  name: string;
  version: string;
  /** Which host serves the API: Electron IPC, the loopback web host, or the CLI. */
  host: 'electron' | 'web' | 'cli';
  /** Absolute path of the library folder. */
  libraryPath: string;
}

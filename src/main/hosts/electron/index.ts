import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { methodNames } from '../../../shared/contract';
import { ipcChannel } from '../../../shared/contract/transport';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { fail } from '../../../shared/result';
import { lockDown } from './lockdown';
import { APP_ORIGIN, isAppUrl, resolveAppFile, WINDOW_WEB_PREFERENCES } from './policy';
import { startServices, type Services } from '../../services';
import { glossDataDir, resolveLibraryPath } from '../../services/library-path';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let services: Services | undefined;

function libraryArgument(): string | undefined {
  const index = process.argv.indexOf('--library');
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** Serves the built renderer under app://gloss/ with the CSP header; nothing outside it. */
function registerAppProtocol(): void {
  protocol.handle('app', async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** One IPC channel per contract method; each checks the calling frame before dispatching. */
function registerApi(current: Services): void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, params: unknown) => {
      if (!isAppUrl(event.senderFrame?.url ?? '')) {
        return fail('forbidden', 'This request did not come from a Gloss window.');
      }
      return current.dispatch(name, params);
    });
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    title: 'Gloss',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: {
      ...WINDOW_WEB_PREFERENCES,
      preload: path.join(here, '../preload/index.cjs'),
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    lockDown({ app, session: session.defaultSession, openExternal: (url) => shell.openExternal(url) });
    registerAppProtocol();
    services = await startServices({
      libraryPath: resolveLibraryPath(libraryArgument()),
      host: 'electron',
      dataDir: glossDataDir(),
    });
    registerApi(services);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Pending writes are flushed before the process ends, also when it is told to stop by a signal
  // (SIGHUP: the terminal it was started from was closed).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => app.quit());
  let stopping = false;
  app.on('before-quit', (event) => {
    if (!services || stopping) return;
    event.preventDefault();
    stopping = true;
    void services.stop().finally(() => app.exit(0));
  });
}

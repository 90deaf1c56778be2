import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { methodNames } from '../../../shared/contract';
import { ipcChannel } from '../../../shared/contract/transport';
import { BOOK_IMAGE_PREFIX, parseBookImagePath } from '../../../shared/book-image';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { fail } from '../../../shared/result';
import { LINK_SCHEME, protocolClientArgs, routeFromArgv } from './link-args';
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
/** The route of a link that arrived before the window could show it (a first launch, or macOS's open-url). */
let pendingRoute: string | null = routeFromArgv(process.argv);

function libraryArgument(): string | undefined {
  const index = process.argv.indexOf('--library');
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** Serves the built renderer under app://gloss/ with the CSP header; nothing outside it. */
function registerAppProtocol(): void {
  protocol.handle('app', async (request) => {
    const image = await bookImage(request.url);
    if (image !== undefined) return image;
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/**
 * A book's image at app://gloss/book-image/<article id>/<name> (only a valid id and name pass), or
 * undefined for any other address.
 */
async function bookImage(url: string): Promise<Response | undefined> {
  const { origin, pathname } = new URL(url);
  if (origin !== APP_ORIGIN || !pathname.startsWith(BOOK_IMAGE_PREFIX)) return undefined;
  const wanted = parseBookImagePath(pathname);
  const image =
    wanted && services && (await services.bookImage(wanted.articleId, wanted.name).catch(() => null));
  if (!image) return new Response('Not found', { status: 404 });
  return new Response(Buffer.from(image.bytes), {
    headers: { 'Content-Type': image.type, 'X-Content-Type-Options': 'nosniff' },
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

/** Shows a link's route in the window, restored and focused; kept for the window to come while the app starts. */
function openRoute(route: string | null): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window || !services) {
    pendingRoute = route ?? pendingRoute;
    // macOS keeps the app running with no window: a link opens one.
    if (services && !window) createWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
  // The same page with another fragment: the renderer follows it as it follows Back and Forward.
  if (route) void window.loadURL(`${APP_ORIGIN}/index.html${route}`);
}

/** The system's folder dialog, for the export folder: its absolute path, or null when cancelled. */
async function chooseFolder(): Promise<string | null> {
  const [window] = BrowserWindow.getAllWindows();
  const options: Electron.OpenDialogOptions = {
    title: 'Folder to keep current',
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
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
  void window.loadURL(`${APP_ORIGIN}/index.html${pendingRoute ?? ''}`);
  pendingRoute = null;
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux: a second launch (a gloss:// link clicked in a note) hands its argv to this one.
  app.on('second-instance', (_event, argv) => openRoute(routeFromArgv(argv)));
  // macOS: links arrive as open-url, possibly before the app is ready.
  app.on('will-finish-launching', () => {
    app.on('open-url', (event, url) => {
      event.preventDefault();
      openRoute(routeFromArgv([url]));
    });
  });

  void app.whenReady().then(async () => {
    lockDown({ app, session: session.defaultSession, openExternal: (url) => shell.openExternal(url) });
    registerAppProtocol();
    const client = protocolClientArgs(process.defaultApp === true, process.execPath, process.argv, (p) =>
      path.resolve(p),
    );
    app.setAsDefaultProtocolClient(LINK_SCHEME, client.executable, client.args);
    services = await startServices({
      libraryPath: resolveLibraryPath(libraryArgument()),
      host: 'electron',
      locale: app.getLocale(),
      dataDir: glossDataDir(),
      chooseFolder,
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

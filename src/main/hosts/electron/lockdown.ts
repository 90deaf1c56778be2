/// <reference types="electron" />
import { externalUrl } from './policy';

/** What `lockDown` configures: Electron's app and a session, and the way out to the system browser. */
export interface LockDownTargets {
  app: Pick<Electron.App, 'on'>;
  session: Pick<
    Electron.Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >;
  /** `shell.openExternal`; receives only what `externalUrl` lets out. */
  openExternal: (url: string) => Promise<void>;
}

/**
 * Denies every permission request and check (notifications, geolocation,
 * media, HID/serial/USB devices...) in `session`, and locks down every web
 * contents the app creates from now on (see `lockDownContents`). Call before
 * the first window exists.
 */
export function lockDown({ app, session, openExternal }: LockDownTargets): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isGrantable(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isGrantable(permission));
  session.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, openExternal));
}

/**
 * The one permission a Gloss page gets: writing to the clipboard ("Copy
 * notes"), which reveals nothing. Reading it, and everything else, is refused.
 */
export function isGrantable(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/**
 * Keeps one web contents on its page: navigation, redirects and <webview>
 * are refused, and every new window is denied. A new-window request for an
 * http(s) address (a link the user activated) goes to the system browser
 * instead, as normalised by `externalUrl`; any other address goes nowhere.
 */
export function lockDownContents(
  contents: Pick<Electron.WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrl(url);
    if (external) void openExternal(external);
    return { action: 'deny' };
  });
}

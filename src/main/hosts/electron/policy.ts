/// <reference types="electron" />
import { rendererFile } from '../renderer-files';

/** Gloss pages are served from this origin by the `app:` protocol handler, never from file://. */
export const APP_ORIGIN = 'app://gloss';

/**
 * The web preferences of every Gloss window, apart from the preload path
 * (added where the window is made). The renderer gets no Node, runs in the
 * Chromium sandbox in its own JavaScript world, cannot load insecure
 * content, enable experimental platform features or embed a <webview>.
 */
export const WINDOW_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const satisfies Electron.WebPreferences);

/**
 * True when `url` is a page of the app itself (`app://gloss/...`). IPC
 * handlers answer only frames at such an address.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'app:' &&
    parsed.host === 'gloss' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The address to hand to the system browser for a link the user followed,
 * normalised by the URL parser, or null when it must not leave the app:
 * only http(s) with a host and without user name or password
 * (`https://bank.example@evil.example/` is a classic disguise).
 */
export function externalUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/**
 * The file of the built renderer that an `app://gloss/...` request names, or
 * null when the request is for another host, is not decodable, carries a NUL
 * byte or would leave `rendererDir` (`..`, encoded or not). `/` is index.html.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const parsed = parseUrl(requestUrl);
  if (!parsed || !isAppUrl(requestUrl)) return null;
  return rendererFile(rendererDir, parsed.pathname);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

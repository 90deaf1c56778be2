import { JSDOM, type DOMWindow } from 'jsdom';

let shared: DOMWindow | null = null;

/** One jsdom window for the main process: never navigated, runs no scripts, loads nothing. */
export function domWindow(): DOMWindow {
  shared ??= new JSDOM('').window;
  return shared;
}

/**
 * Parses HTML into an inert Document (DOMParser: no browsing context, so no
 * script runs, no frame or resource loads and meta refresh does nothing).
 */
export function parseHtml(html: string): Document {
  return new (domWindow().DOMParser)().parseFromString(html, 'text/html');
}

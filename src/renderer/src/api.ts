import { bookImagePath } from '../../shared/book-image';
import type { GlossApi } from '../../shared/contract';
import { createClientProxy, TOKEN_HEADER, webApiPath, type Send } from '../../shared/contract/transport';
import type { Result } from '../../shared/result';
import { takeToken } from './app/route';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload. */
    gloss?: GlossApi;
  }
}

const TOKEN_KEY = 'gloss.token';

/**
 * Reads the web host's launch token from the address's fragment (`token=`, never sent to a server)
 * once, then keeps it in this tab's session storage so a reload still works.
 */
function webToken(): string {
  const { token: fromUrl, hash } = takeToken(window.location.hash);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // The place the address names (an article, a highlight) stays.
    window.history.replaceState(null, '', window.location.pathname + window.location.search + hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): GlossApi {
  const token = webToken();
  const send: Send = async (name, params) => {
    try {
      const response = await fetch(webApiPath(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(params),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'io',
          message: `Gloss is not answering (${String(error)}): is \`gloss serve\` still running? This page reconnects when it is back.`,
          params: { reason: 'not-answering' },
        },
      };
    }
  };
  // The contract's schemas stay out of the page: the host's dispatcher validates every call, and
  // checks every result in development and test builds.
  return createClientProxy(send);
}

/**
 * The renderer's only door to the services: the Electron bridge when the
 * preload exposed it, the web host's HTTP API otherwise.
 */
export const api: GlossApi = window.gloss ?? httpApi();

/**
 * The address of one of a book's images (see bookImagePath): on the app's own origin in Electron; on
 * the web host, with the launch token in the query, as an <img> cannot send a header.
 */
export function bookImageUrl(articleId: string, name: string): string {
  const path = bookImagePath(articleId, name);
  return window.gloss ? path : `${path}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}`;
}

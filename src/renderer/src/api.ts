import { methodNames, type GlossApi, type MethodName } from '../../shared/contract';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload. */
    gloss?: GlossApi;
  }
}

const TOKEN_KEY = 'gloss.token';

/**
 * Reads the web host's launch token from the address's fragment (`#token=`, never sent to a server)
 * once, then keeps it in this tab's session storage so a reload still works.
 */
function webToken(): string {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    fragment.delete('token');
    const rest = fragment.toString();
    window.history.replaceState(
      null,
      '',
      window.location.pathname + window.location.search + (rest ? `#${rest}` : ''),
    );
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): GlossApi {
  const token = webToken();
  const callHttp = async (name: MethodName, params: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
        body: JSON.stringify(params ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'io', message: `Gloss could not reach its local service: ${String(error)}` },
      };
    }
  };
  return Object.fromEntries(
    methodNames.map((name) => [name, (params: unknown) => callHttp(name, params)]),
  ) as GlossApi;
}

/**
 * The renderer's only door to the services: the Electron bridge when the
 * preload exposed it, the web host's HTTP API otherwise.
 */
export const api: GlossApi = window.gloss ?? httpApi();

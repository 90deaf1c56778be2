import type { Result } from '../result';
import type { GlossApi, MethodName } from './index';

/** The Electron IPC channel of one method: `gloss:<method>`, one channel per method. */
export function ipcChannel(name: MethodName): string {
  return `gloss:${name}`;
}

/** Prefix of every web API path (see webApiPath). */
export const WEB_API_PREFIX = '/api/';

/** The web host's address of one method, called with `POST` and a JSON body: `/api/<method>`. */
export function webApiPath(name: MethodName): string {
  return `${WEB_API_PREFIX}${name}`;
}

/** The HTTP header that carries the web host's per-launch token on every API call. */
export const TOKEN_HEADER = 'X-Gloss-Token';

/** Carries one call to the services and resolves to its result; must not reject. */
export type Send = (name: MethodName, params: unknown) => Promise<Result<unknown>>;

/** How a client built by createClient or createClientProxy behaves. */
export interface ClientOptions {
  /**
   * Checks every answer before the caller sees it, e.g. checkResult from `./check` (development and
   * test builds; off in production, where the host has already validated the call).
   */
  check?: (name: MethodName, result: Result<unknown>) => Result<unknown>;
}

function caller(send: Send, { check }: ClientOptions) {
  return async (name: MethodName, params: unknown) => {
    const result = await send(name, params ?? {});
    return check ? check(name, result) : result;
  };
}

/**
 * Builds the typed API over a transport: one function for each of `names` (the contract's
 * `methodNames`), each passing its parameters (`{}` when absent) to `send`. A plain object, so it can
 * cross Electron's context bridge; used by the preload.
 */
export function createClient(
  send: Send,
  names: readonly MethodName[],
  options: ClientOptions = {},
): GlossApi {
  const call = caller(send, options);
  return Object.fromEntries(names.map((name) => [name, (params: unknown) => call(name, params)])) as GlossApi;
}

/**
 * The same API as createClient without the list of names, so that a caller need not load the
 * contract's schemas (the renderer's first screen): each method is made the first time it is read.
 * Only string keys other than `then` are methods (the client is never mistaken for a promise); a
 * name the contract lacks is sent as is and answered `unknown-method` by the host.
 */
export function createClientProxy(send: Send, options: ClientOptions = {}): GlossApi {
  const call = caller(send, options);
  const made = new Map<string, (params: unknown) => Promise<Result<unknown>>>();
  return new Proxy({} as GlossApi, {
    get(_target, key) {
      if (typeof key !== 'string' || key === 'then') return undefined;
      let method = made.get(key);
      if (!method) {
        method = (params: unknown) => call(key as MethodName, params);
        made.set(key, method);
      }
      return method;
    },
  });
}

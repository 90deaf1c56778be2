import { z } from 'zod';
import { fail, type Result } from '../result';
import { contract, methodNames, type GlossApi, type MethodName } from './index';

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

/** How a client built by createClient behaves. */
export interface ClientOptions {
  /**
   * Check every successful result against the contract's result schema, and turn a mismatch into an
   * 'internal' error naming the method (development and test builds; off in production).
   */
  checkResults?: boolean;
}

/**
 * Checks a result against the contract's result schema for `name`. A failed call, or a value that
 * matches, is returned unchanged (not parsed: nothing is stripped or defaulted); a mismatch becomes
 * an 'internal' error that names the method and the first difference.
 */
export function checkResult(name: MethodName, result: Result<unknown>): Result<unknown> {
  if (!result.ok) return result;
  const checked = (contract[name].result as z.ZodType).safeParse(result.value);
  if (checked.success) return result;
  return fail(
    'internal',
    `The answer to ${name} does not match the contract: ${z.prettifyError(checked.error)}`,
  );
}

/**
 * Builds the typed API over a transport: one function per contract method, each passing its
 * parameters (`{}` when absent) to `send`. Used by the preload (IPC) and the renderer (web host).
 */
export function createClient(send: Send, options: ClientOptions = {}): GlossApi {
  const call = async (name: MethodName, params: unknown) => {
    const result = await send(name, params ?? {});
    return options.checkResults ? checkResult(name, result) : result;
  };
  return Object.fromEntries(
    methodNames.map((name) => [name, (params: unknown) => call(name, params)]),
  ) as GlossApi;
}

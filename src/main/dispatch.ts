import { z } from 'zod';
import { contract, isMethodName } from '../shared/contract';
import { checkResult } from '../shared/contract/check';
import { GlossError, fail, ok, type Result } from '../shared/result';
import type { Handlers } from './services/handlers';

/** Calls one method by name with unvalidated parameters, as any host receives them. */
export type Dispatch = (name: string, params: unknown) => Promise<Result<unknown>>;

/** How a dispatcher behaves. */
export interface DispatchOptions {
  /**
   * Check every result against the contract's result schema; a mismatch becomes an 'internal' error.
   * Default: on in development and test builds, off in production.
   */
  checkResults?: boolean;
}

/**
 * Builds the one entry point every host uses: rejects unknown method names,
 * validates parameters against the contract's schema, calls the handler and
 * turns any thrown error into an error value. Never rejects.
 */
export function createDispatch(
  handlers: Handlers,
  { checkResults = import.meta.env.DEV }: DispatchOptions = {},
): Dispatch {
  return async (name, params) => {
    if (!isMethodName(name)) {
      return fail('unknown-method', `Gloss has no API method named "${String(name).slice(0, 80)}".`);
    }
    const parsed = contract[name].params.safeParse(params ?? {});
    if (!parsed.success) {
      return fail('invalid-argument', `Invalid arguments for ${name}: ${z.prettifyError(parsed.error)}`);
    }
    try {
      const handler = handlers[name] as (p: unknown) => unknown;
      const result = ok(await handler(parsed.data));
      return checkResults ? checkResult(name, result) : result;
    } catch (error) {
      return errorResult(error);
    }
  };
}

/** Converts anything thrown into an error value; unexpected errors keep their message. */
export function errorResult(error: unknown): Result<never> {
  if (error instanceof GlossError) return fail(error.code, error.message, error.params);
  const message = error instanceof Error ? error.message : String(error);
  return fail('internal', `Unexpected error: ${message}`);
}

import type { z } from 'zod';

/**
 * Declares one API method: the zod schema of its single parameter object and,
 * at the type level only, its result type `R`.
 */
export function method<R>() {
  return <P extends z.ZodType>(params: P) => ({ params, result: undefined as unknown as R });
}

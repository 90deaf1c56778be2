import type { z } from 'zod';

/**
 * Declares one API method: the zod schema of its single parameter object and the zod schema of its
 * result. Hosts validate parameters on every call; results are checked in development and test builds.
 */
export function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

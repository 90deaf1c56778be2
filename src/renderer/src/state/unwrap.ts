import type { Result } from '../../../shared/result';
import type { AppSlice } from './types';

/** Awaits an API result: its value, or undefined once its error has been shown to the user. */
export type Unwrap = <T>(pending: Promise<Result<T>>) => Promise<T | undefined>;

/** The slices' `unwrap`, showing a failure in the user's language as an error notice of the store `get` reads. */
export function unwrapWith(get: () => Pick<AppSlice, 'notify' | 'describe'>): Unwrap {
  return async (pending) => {
    const result = await pending;
    if (result.ok) return result.value;
    get().notify('error', get().describe(result.error));
    return undefined;
  };
}

import type { Result } from '../../../shared/result';
import type { AppSlice } from './types';

/** What the user is told when the service no longer knows this page (it was restarted with a new address). */
export const SESSION_ENDED =
  'Gloss was restarted with a new address, so this page can no longer reach it. Open the address `gloss serve` printed.';

/** Awaits an API result: its value, or undefined once its error has been shown to the user. */
export type Unwrap = <T>(pending: Promise<Result<T>>) => Promise<T | undefined>;

/** The slices' `unwrap`, showing a failure's message as an error notice of the store `get` reads. */
export function unwrapWith(get: () => Pick<AppSlice, 'notify'>): Unwrap {
  return async (pending) => {
    const result = await pending;
    if (result.ok) return result.value;
    get().notify('error', result.error.code === 'unauthorized' ? SESSION_ENDED : result.error.message);
    return undefined;
  };
}

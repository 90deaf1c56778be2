import { z } from 'zod';
import { fail, type Result } from '../result';
import { contract, type MethodName } from './index';

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

import { GlossError } from '../../../shared/result';

/**
 * The error a caller receives when a file could not be saved: 'disk-full'
 * for ENOSPC and EDQUOT (no space or quota left), GlossErrors as they are
 * (e.g. 'locked', 'forbidden'), 'io' for anything else.
 */
export function saveError(target: { file: string; what: string }, error: unknown): GlossError {
  if (error instanceof GlossError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new GlossError(
      'disk-full',
      `The disk holding ${target.file} is full${code === 'EDQUOT' ? ' (your quota is used up)' : ''}, ` +
        `so Gloss could not save ${target.what}. The change was not made; free some space and try again.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GlossError('io', `Gloss could not save ${target.what} (${target.file}): ${message}.`);
}

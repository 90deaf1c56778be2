import type { TFunction } from '../../../shared/i18n';
import type { ImportState } from './types';

/** Names listed in a summary before "and N more". */
const LISTED = 3;

function names(t: TFunction, list: readonly string[]): string {
  const shown = list.slice(0, LISTED).map((name) => `“${name}”`);
  const more = list.length - shown.length;
  return more > 0
    ? t('importing.namesMore', { list: shown.join(', '), count: more })
    : t('importing.names', { list: shown.join(', ') });
}

/**
 * One sentence per outcome of an import batch, naming the files, in the language of `t`: "Imported 2 of
 * 4 files. 1 duplicate skipped: “a.txt”. 1 failed: “b.png”." Plurals agree with their numbers.
 */
export function importSummary(
  state: Pick<ImportState, 'total' | 'imported' | 'duplicates' | 'updated' | 'failures'>,
  t: TFunction,
): string {
  const parts = [t('importing.summary', { imported: state.imported, count: state.total })];
  if (state.duplicates.length) {
    parts.push(
      t('importing.duplicates', { count: state.duplicates.length, names: names(t, state.duplicates) }),
    );
  }
  if (state.updated.length) {
    parts.push(t('importing.updated', { count: state.updated.length, names: names(t, state.updated) }));
  }
  if (state.failures.length) {
    parts.push(
      t('importing.failed', {
        count: state.failures.length,
        names: names(
          t,
          state.failures.map((f) => f.name),
        ),
      }),
    );
  }
  return parts.join(' ');
}

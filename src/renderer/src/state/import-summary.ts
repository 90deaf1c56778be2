import type { ImportState } from './types';

/** Names listed in a summary before "and N more". */
const LISTED = 3;

function names(list: readonly string[]): string {
  const shown = list.slice(0, LISTED).map((name) => `“${name}”`);
  const more = list.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One sentence per outcome of an import batch, naming the files: "Imported 2 of 4 files. 1 duplicate
 * skipped: “a.txt”. 1 failed: “b.png”." Plurals agree with their numbers.
 */
export function importSummary(
  state: Pick<ImportState, 'total' | 'imported' | 'duplicates' | 'updated' | 'failures'>,
): string {
  const parts = [`Imported ${state.imported} of ${count(state.total, 'file', 'files')}.`];
  if (state.duplicates.length) {
    parts.push(
      `${count(state.duplicates.length, 'duplicate', 'duplicates')} skipped (already in the library): ${names(state.duplicates)}.`,
    );
  }
  if (state.updated.length) {
    parts.push(
      `${count(state.updated.length, 'article', 'articles')} updated to a new version: ${names(state.updated)}.`,
    );
  }
  if (state.failures.length) {
    parts.push(`${state.failures.length} failed: ${names(state.failures.map((f) => f.name))}.`);
  }
  return parts.join(' ');
}

import type { HighlightsReport } from '../../../shared/model/highlights-import';
import { FORMAT_NAMES } from './types';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The sentence that reports a highlights import, e.g. "“My Clippings.txt” (Kindle (My Clippings.txt)):
 * 3 highlights anchored in articles of the library, 2 kept as highlights only, 1 skipped as a duplicate."
 */
export function reportMessage(fileName: string, report: HighlightsReport): string {
  const parts = [
    `${count(report.anchored, 'highlight', 'highlights')} anchored in articles of the library`,
    `${report.highlightsOnly} kept as highlights only`,
    `${report.duplicates} skipped as ${report.duplicates === 1 ? 'a duplicate' : 'duplicates'}`,
  ];
  if (report.notes) parts.push(`${count(report.notes, 'note', 'notes')} added to article notes`);
  if (report.ignored) parts.push(`${report.ignored} ignored (bookmarks, replies or empty entries)`);
  return `“${fileName}” (${FORMAT_NAMES[report.format]}): ${parts.join(', ')}.`;
}

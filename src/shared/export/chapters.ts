import { currentEntryIndex, type OutlineEntry } from '../text/outline';

/** A run of consecutive highlights that fall in the same chapter. */
export interface ChapterGroup<T> {
  /** The chapter's table of contents entry, or null for highlights before the first entry (or a text without one). */
  entry: OutlineEntry | null;
  items: T[];
}

/**
 * The table of contents entry a canonical offset falls in: the last entry
 * starting at or before it (the innermost of several starting at the same
 * place), or null before the first entry. `outline` must be in text order.
 */
export function chapterAt(outline: readonly OutlineEntry[], offset: number): OutlineEntry | null {
  return outline[currentEntryIndex(outline, offset)] ?? null;
}

/**
 * Splits items in document order into runs that share a chapter, the
 * chapter of each found by `chapterOf`. Items of one chapter stay together
 * as long as they come one after another; an empty list gives no groups.
 */
export function groupByChapter<T>(
  items: readonly T[],
  chapterOf: (item: T) => OutlineEntry | null,
): ChapterGroup<T>[] {
  const groups: ChapterGroup<T>[] = [];
  for (const item of items) {
    const entry = chapterOf(item);
    const last = groups.at(-1);
    if (last && last.entry === entry) last.items.push(item);
    else groups.push({ entry, items: [item] });
  }
  return groups;
}

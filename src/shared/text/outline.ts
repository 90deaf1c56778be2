import type { Block } from '../model/article';

/** One entry of an article's contents: its label, depth (1 for the top) and canonical offset. */
export interface OutlineEntry {
  label: string;
  level: number;
  /** UTF-16 offset into the canonical text where the entry's block starts. */
  offset: number;
}

const HEADING_LEVEL: Partial<Record<Block['kind'], number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * The contents of an article. A book's own table of contents (the `toc`
 * marks of its blocks) when it has one; else its headings, with levels
 * counted from the highest heading used (an article of h2 and h3 gives 1 and
 * 2). `label(block)` gives a heading's text, or null while its text has not
 * arrived (that heading is left out for now). Entries are in text order.
 */
export function outlineOf(blocks: readonly Block[], label: (block: Block) => string | null): OutlineEntry[] {
  if (blocks.some((block) => block.toc)) {
    return blocks.flatMap((block) =>
      (block.toc ?? []).map((mark) => ({ label: mark.label, level: mark.level, offset: block.start })),
    );
  }
  const headings: OutlineEntry[] = [];
  for (const block of blocks) {
    const level = HEADING_LEVEL[block.kind];
    const text = level ? label(block)?.replace(/\s+/g, ' ').trim() : null;
    if (level && text) headings.push({ label: text, level, offset: block.start });
  }
  const top = Math.min(...headings.map((entry) => entry.level));
  return headings.map((entry) => ({ ...entry, level: entry.level - top + 1 }));
}

/**
 * Index of the entry being read at canonical offset `offset`: the last whose
 * offset is at or before it (the last of several at the same offset); -1
 * before the first entry. Entries must be in text order.
 */
export function currentEntryIndex(outline: readonly OutlineEntry[], offset: number): number {
  let lo = 0;
  let hi = outline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outline[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

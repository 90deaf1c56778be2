import type { Block } from '../../../../shared/model/article';
import {
  resolveDestination,
  type DestinationSource,
  type PdfPlace,
} from '../../../../shared/pdf/destination';

/** One entry of a PDF's outline (bookmarks) with the place it leads to. */
export interface OutlinePlace extends PdfPlace {
  label: string;
  /** Depth in the outline, 1 for the top (capped at `MAX_LEVEL`). */
  level: number;
}

interface OutlineNode {
  title: string;
  dest: unknown;
  items: OutlineNode[];
}

/** Deeper entries are read as this deep. */
const MAX_LEVEL = 6;
/** Most entries read; an outline claiming more is junk or hostile. */
const MAX_ENTRIES = 5_000;

/**
 * The outline of a pdf.js document, depth first in its own order. Entries whose destination leads
 * nowhere in the document (a web address, another file, an unknown name) are left out, their children
 * kept; labels are NFC with white space collapsed. An unreadable outline is empty. Never throws.
 */
export async function readOutline(
  doc: DestinationSource & { getOutline(): Promise<unknown> },
  pageCount: number,
): Promise<OutlinePlace[]> {
  const roots = (await doc.getOutline().catch(() => null)) as OutlineNode[] | null;
  const places: OutlinePlace[] = [];
  const walk = async (nodes: readonly OutlineNode[], level: number): Promise<void> => {
    for (const node of nodes) {
      if (places.length >= MAX_ENTRIES) return;
      const label = String(node.title ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .normalize('NFC');
      const place = node.dest ? await resolveDestination(doc, node.dest, pageCount) : null;
      if (place && label) places.push({ label, level: Math.min(level, MAX_LEVEL), ...place });
      if (Array.isArray(node.items)) await walk(node.items, level + 1);
    }
  };
  if (Array.isArray(roots)) await walk(roots, 1);
  return places;
}

/**
 * Marks `blocks` with the outline entries: each entry, at canonical offset `offset`, goes to the
 * block that contains it or, when it falls between blocks, the next block (blocks in text order) (none after the last
 * block: left out). Marks keep the outline's order within a block. Mutates `blocks`.
 */
export function markOutline(
  blocks: Block[],
  entries: readonly { label: string; level: number; offset: number }[],
): void {
  for (const entry of entries) {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.end > entry.offset) hi = mid;
      else lo = mid + 1;
    }
    const block = blocks[lo];
    if (block) (block.toc ??= []).push({ label: entry.label, level: entry.level });
  }
}

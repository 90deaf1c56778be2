import { useMemo } from 'react';
import type { Block } from '../../../shared/model/article';
import { outlineOf, type OutlineEntry } from '../../../shared/text/outline';
import type { ReaderContent } from '../state/types';

/** A block's text when the reader holds it, else null. */
function blockText(content: ReaderContent, block: Block): string | null {
  const from = block.start - content.textStart;
  const to = block.end - content.textStart;
  return from >= 0 && to <= content.text.length ? content.text.slice(from, to) : null;
}

/**
 * The contents of the open text (see outlineOf): a book's table of contents,
 * or the headings whose text the reader holds so far. Empty with no text open.
 */
export function useOutline(content: ReaderContent | null): OutlineEntry[] {
  return useMemo(() => (content ? outlineOf(content.blocks, (b) => blockText(content, b)) : []), [content]);
}

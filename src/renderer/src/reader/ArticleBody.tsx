import { memo, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { blockIndexAt } from '../../../shared/text/blocks';
import type { ArticleContent, Block } from '../../../shared/types';
import { useStore } from '../state/store';
import { BlockPainter } from './painter';
import { blockElementOf, pointInBlock, selectionOffsets } from './dom-offsets';

/** What the user selected, in canonical offsets, and where to show the toolbar. */
export interface TextSelection {
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number };
}

/** Blocks rendered once per article; off-screen ones cost no layout (content-visibility). */
const Blocks = memo(function Blocks({ text, blocks }: { text: string; blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        const Tag = block.kind;
        return block.html !== undefined ? (
          <Tag key={i} data-block={i} className="block" dangerouslySetInnerHTML={{ __html: block.html }} />
        ) : (
          <Tag key={i} data-block={i} className="block">
            {text.slice(block.start, block.end)}
          </Tag>
        );
      })}
    </>
  );
});

/**
 * The article text with its highlights and find matches. Reports selections
 * and clicks on highlights; scrolls where the store asks; saves progress.
 */
export function ArticleBody({
  content,
  onSelection,
}: {
  content: ArticleContent;
  onSelection: (selection: TextSelection | null) => void;
}) {
  const root = useRef<HTMLElement>(null);
  const painter = useRef<BlockPainter | null>(null);
  const annotations = useStore((s) => s.annotations);
  const find = useStore((s) => s.find);
  const selectedId = useStore((s) => s.selectedAnnotationId);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const scrollRequest = useStore((s) => s.scrollRequest);
  const saveProgress = useStore((s) => s.saveProgress);
  const { blocks, text } = content;

  useLayoutEffect(() => {
    if (!root.current) return;
    const p = new BlockPainter(root.current, blocks);
    p.attach();
    painter.current = p;
    return () => {
      p.dispose();
      painter.current = null;
    };
  }, [blocks]);

  useEffect(() => {
    painter.current?.update(annotations, find.matches, find.current, selectedId);
  }, [annotations, find, selectedId, blocks]);

  useEffect(() => {
    if (!scrollRequest || !root.current) return;
    const index = Math.max(0, blockIndexAt(blocks, scrollRequest.offset));
    const el = root.current.querySelector<HTMLElement>(`[data-block="${index}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    painter.current?.paintNow(index);
    root.current.querySelector('.find-current')?.scrollIntoView({ block: 'center' });
  }, [scrollRequest, blocks]);

  // Reading progress: the first block at the top of the viewport.
  useEffect(() => {
    const scroller = root.current?.closest('.reader-scroll');
    if (!scroller) return;
    const onScroll = () => {
      const top = scroller.getBoundingClientRect().top + 8;
      const el = document.elementFromPoint(
        scroller.getBoundingClientRect().left + scroller.clientWidth / 2,
        top,
      );
      const block = blockElementOf(el);
      const b = block ? blocks[Number(block.dataset.block)] : undefined;
      if (b && text.length) saveProgress(b.start / text.length);
      else if (scroller.scrollTop === 0) saveProgress(0);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [blocks, text, saveProgress]);

  const reportSelection = useCallback(() => {
    if (!root.current) return;
    const offsets = selectionOffsets(root.current, (i) => blocks[i]?.start);
    if (!offsets) return onSelection(null);
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    onSelection({
      ...offsets,
      rect: { top: rect?.top ?? 0, left: rect?.left ?? 0, bottom: rect?.bottom ?? 0 },
    });
  }, [blocks, onSelection]);

  return (
    <article
      ref={root}
      className="article-body"
      aria-label="Article text"
      onMouseUp={() => setTimeout(reportSelection, 0)}
      onKeyUp={(e) => {
        if (e.shiftKey || e.key === 'Shift') reportSelection();
      }}
      onClick={(e) => {
        const link = (e.target as Element).closest<HTMLAnchorElement>('a[href]');
        if (link) {
          // Links never navigate the reader: web links open in the browser, others do nothing.
          e.preventDefault();
          if (/^https?:/i.test(link.href)) window.open(link.href, '_blank', 'noopener,noreferrer');
          return;
        }
        if (!window.getSelection()?.isCollapsed) return;
        const mark = (e.target as Element).closest<HTMLElement>('mark[data-annotation-id]');
        if (mark?.dataset.annotationId) selectAnnotation(mark.dataset.annotationId);
      }}
    >
      <Blocks text={text} blocks={blocks} />
    </article>
  );
}

/** Selects canonical [start, end) in the article so the highlight toolbar can act on it (keyboard path). */
export function selectRange(root: HTMLElement, blocks: Block[], start: number, end: number): void {
  const first = blockIndexAt(blocks, start);
  const last = blockIndexAt(blocks, Math.max(start, end - 1));
  const startEl = root.querySelector<HTMLElement>(`[data-block="${first}"]`);
  const endEl = root.querySelector<HTMLElement>(`[data-block="${last}"]`);
  const startBlock = blocks[first];
  const endBlock = blocks[last];
  if (!startEl || !endEl || !startBlock || !endBlock) return;
  const a = pointInBlock(startEl, start - startBlock.start);
  const b = pointInBlock(endEl, end - endBlock.start);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

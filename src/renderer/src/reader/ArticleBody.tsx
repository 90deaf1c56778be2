import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { blockIndexAt, blockNear, blockWindow, READER_WINDOW } from '../../../shared/text/blocks';
import type { Block } from '../../../shared/model/article';
import type { PdfPageRects } from '../../../shared/model/annotation';
import type { ReaderContent } from '../state/types';
import { useStore } from '../state/store';
import { BlockPainter } from './painter';
import { blockAtTop, pointInBlock, selectionOffsets } from './dom-offsets';
import { estimatedOffsets } from './layout';
import { blockTree } from './block-tree';
import { useBookLinks } from './BookLinks';
import { bookImageUrl } from '../api';
import { IMAGE_REFERENCE } from '../../../shared/book-image';

/** A block's html with each book image reference pointing at the host's image route. */
function withImages(html: string, articleId: string): string {
  return html.includes('<img')
    ? html.replace(IMAGE_REFERENCE, (_, name: string) => `<img src="${bookImageUrl(articleId, name)}"`)
    : html;
}

/** What the user selected, in canonical offsets, and where to show the toolbar. */
export interface TextSelection {
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number };
  /** In a PDF: the rectangles the selection covers on each page, in PDF points. */
  pdf?: PdfPageRects[];
}

/** How close (in blocks) the viewport may come to an edge of the rendered window before it moves. */
const MARGIN = 40;

/**
 * The blocks of the window, rendered once per window; off-screen ones in it cost no layout
 * (content-visibility). `text` is the canonical text from offset `textStart` on.
 */
const Blocks = memo(function Blocks({
  text,
  textStart,
  blocks,
  from,
  to,
  byline,
  articleId,
}: {
  articleId: string;
  text: string;
  textStart: number;
  blocks: Block[];
  from: number;
  to: number;
  byline?: string;
}) {
  const { t } = useTranslation();
  const leaf = (i: number, inside: boolean) => {
    const block = blocks[i]!;
    // In a list item or a cell the block is that item's or cell's text: the wrapper is the li, not the block.
    const Tag = inside && (block.kind === 'li' || block.kind === 'blockquote') ? 'div' : block.kind;
    // The byline is drawn by the stylesheet (::after), so it never enters the text or a selection.
    const extra = i === 0 && byline ? { 'data-byline': byline } : {};
    return block.html !== undefined ? (
      <Tag
        key={i}
        data-block={i}
        className="block"
        {...extra}
        dangerouslySetInnerHTML={{ __html: withImages(block.html, articleId) }}
      />
    ) : (
      <Tag key={i} data-block={i} className="block" {...extra}>
        {text.slice(block.start - textStart, block.end - textStart)}
      </Tag>
    );
  };
  return <>{blockTree(blocks, from, to, leaf, t('reader.table'))}</>;
});

/**
 * The article text with its highlights and find matches. Reports selections
 * and clicks on highlights; scrolls where the store asks; saves progress.
 * Until the whole text has arrived, only the blocks whose text is loaded are
 * rendered.
 */
export function ArticleBody({
  content,
  root,
  scroller,
  byline,
  onSelection,
}: {
  content: ReaderContent;
  /** Receives the article element. */
  root: RefObject<HTMLElement | null>;
  /**
   * The element that scrolls the article, null until it is mounted: a parent's ref is attached after
   * its children's layout effects, so the reader view passes the element once its ref gave it.
   */
  scroller: HTMLElement | null;
  /** The author, shown under the first block (the title heading); not part of the text. */
  byline?: string;
  onSelection: (selection: TextSelection | null) => void;
}) {
  const { t } = useTranslation();
  const topSpacer = useRef<HTMLDivElement>(null);
  const painter = useRef<BlockPainter | null>(null);
  const annotations = useStore((s) => s.annotations);
  const find = useStore((s) => s.find);
  const selectedId = useStore((s) => s.selectedAnnotationId);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const scrollRequest = useStore((s) => s.scrollRequest);
  const saveProgress = useStore((s) => s.saveProgress);
  const fontSize = useStore((s) => s.settings.fontSize);
  const { blocks, text, textStart, loaded, length } = content;
  const links = useBookLinks(content, scroller);
  const [range, setRange] = useState(() =>
    blockWindow(blockNear(blocks, Math.round(content.article.progress * length)), blocks.length),
  );
  const offsets = useMemo(() => estimatedOffsets(blocks, fontSize), [blocks, fontSize]);
  // Keep the window inside the blocks whose text is here (the text may also have changed on disk).
  const from = Math.max(loaded.from, Math.min(range.from, loaded.to - 1));
  const to = Math.max(from, Math.min(range.to, loaded.to));
  const top = offsets[from] ?? 0;
  const bottom = (offsets[blocks.length] ?? 0) - (offsets[to] ?? 0);

  useLayoutEffect(() => {
    if (!root.current) return;
    const p = new BlockPainter(root.current, blocks);
    painter.current = p;
    return () => {
      p.dispose();
      painter.current = null;
    };
  }, [blocks, root]);

  // After each render of the window: observe its blocks (they are painted as they come into view).
  useLayoutEffect(() => {
    painter.current?.attach();
  }, [blocks, from, to]);

  // Move the window as the reader scrolls near its edges, or jumps into a spacer.
  useEffect(() => {
    if (!scroller || blocks.length <= READER_WINDOW) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const block = blockAtTop(scroller);
        let index: number;
        if (block) index = Number(block.dataset.block);
        else {
          // In a spacer: find the block the estimate puts at this height.
          const y = scroller.scrollTop - (topSpacer.current?.offsetTop ?? 0);
          let lo = 0;
          let hi = blocks.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((offsets[mid] ?? 0) <= y) lo = mid;
            else hi = mid - 1;
          }
          index = lo;
        }
        setRange((r) =>
          (index - r.from < MARGIN && r.from > 0) || (r.to - index < MARGIN + 20 && r.to < blocks.length)
            ? blockWindow(index, blocks.length)
            : r,
        );
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [blocks, offsets, scroller]);

  useLayoutEffect(() => {
    painter.current?.update(annotations, find.matches, find.current, selectedId);
  }, [annotations, find, selectedId, blocks]);

  // A scroll request (find, notes panel, search, restored progress) first brings its block into the window.
  const [seenRequest, setSeenRequest] = useState(scrollRequest?.seq);
  if (scrollRequest && scrollRequest.seq !== seenRequest) {
    setSeenRequest(scrollRequest.seq);
    const index = blockNear(blocks, scrollRequest.offset);
    if (index < range.from || index >= range.to) setRange(blockWindow(index, blocks.length));
  }

  const handledScroll = useRef(-1);
  /** Stops holding the last scrolled-to element in place. */
  const pin = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    if (!scrollRequest || !root.current || !scroller || handledScroll.current === scrollRequest.seq) return;
    const index = blockNear(blocks, scrollRequest.offset);
    const el = root.current.querySelector<HTMLElement>(`[data-block="${index}"]`);
    if (!el) return;
    handledScroll.current = scrollRequest.seq;
    el.scrollIntoView({ block: scrollRequest.align });
    painter.current?.paintNow(index);
    const match = root.current.querySelector<HTMLElement>('.find-current');
    match?.scrollIntoView({ block: 'center' });
    pin.current?.();
    pin.current = holdInView(match ?? el, scroller);
  }, [scrollRequest, blocks, range, loaded, root, scroller]);
  useEffect(() => () => pin.current?.(), []);

  // Whatever is on screen now (after any scroll above) is painted before the frame is drawn.
  useLayoutEffect(() => {
    painter.current?.paintOnScreen();
  }, [blocks, from, to, scrollRequest, scroller]);

  // Reading progress: the first block at the top of the viewport.
  useEffect(() => {
    if (!scroller) return;
    const onScroll = () => {
      const block = blockAtTop(scroller);
      const b = block ? blocks[Number(block.dataset.block)] : undefined;
      if (b && length) saveProgress(b.start / length);
      else if (scroller.scrollTop === 0) saveProgress(0);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [blocks, length, saveProgress, scroller]);

  const reportSelection = useCallback(() => {
    if (!root.current) return;
    const offsets = selectionOffsets(root.current, (i) => blocks[i]?.start);
    if (!offsets) return onSelection(null);
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    onSelection({
      ...offsets,
      rect: { top: rect?.top ?? 0, left: rect?.left ?? 0, bottom: rect?.bottom ?? 0 },
    });
  }, [blocks, onSelection, root]);

  // A selection may end anywhere (in the margin, past the last line): it is read wherever the mouse is let go.
  useEffect(() => {
    const onMouseUp = () => setTimeout(reportSelection, 0);
    document.addEventListener('mouseup', onMouseUp);
    return () => document.removeEventListener('mouseup', onMouseUp);
  }, [reportSelection]);

  return (
    <>
      {/* The spacers stand outside the article, which holds only the article's own text. */}
      <div ref={topSpacer} className="spacer" style={{ height: top }} aria-hidden="true" />
      <article
        ref={root}
        className="article-body"
        aria-label={t('reader.articleText')}
        aria-busy={!content.whole}
        onKeyUp={(e) => {
          if (e.shiftKey || e.key === 'Shift') reportSelection();
        }}
        onClick={(e) => {
          const link = (e.target as Element).closest<HTMLAnchorElement>('a[href]');
          if (link) {
            // Links never navigate the reader: a book's own links jump inside it, web links open in the browser.
            e.preventDefault();
            if (links.handle(link)) return;
            if (/^https?:/i.test(link.href)) window.open(link.href, '_blank', 'noopener,noreferrer');
            return;
          }
          if (!window.getSelection()?.isCollapsed) return;
          const mark = (e.target as Element).closest<HTMLElement>('mark[data-annotation-id]');
          if (mark?.dataset.annotationId) selectAnnotation(mark.dataset.annotationId);
        }}
      >
        <Blocks
          articleId={content.article.id}
          text={text}
          textStart={textStart}
          blocks={blocks}
          from={from}
          to={to}
          byline={byline}
        />
      </article>
      <div className="spacer" style={{ height: bottom }} aria-hidden="true" />
      {links.overlay}
    </>
  );
}

/**
 * Keeps `el` where it was just scrolled to while the blocks around it are laid out for the first time
 * and take their real heights (they start from an estimate), so a jump lands where it was aimed. Lets
 * go after half a second or as soon as the reader scrolls by hand. Returns a function that lets go.
 */
function holdInView(el: HTMLElement, scroller: HTMLElement): () => void {
  const wanted = el.getBoundingClientRect().top;
  const until = performance.now() + 500;
  let frame = requestAnimationFrame(function hold() {
    const drift = el.getBoundingClientRect().top - wanted;
    if (drift && el.isConnected) scroller.scrollTop += drift;
    if (performance.now() < until) frame = requestAnimationFrame(hold);
    else release();
  });
  const release = () => {
    cancelAnimationFrame(frame);
    for (const type of USER_SCROLL_EVENTS) scroller.removeEventListener(type, release);
  };
  for (const type of USER_SCROLL_EVENTS) scroller.addEventListener(type, release, { passive: true });
  return release;
}

/** Input by which a person scrolls the reader. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

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

/**
 * The thin DOM layer between the reader's blocks and canonical offsets. Each
 * block element carries `data-block` (its index) and its text content equals
 * its slice of the canonical text, marks included, so offsets are counted
 * over text nodes.
 */

/** The block element containing `node`, or null. */
export function blockElementOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-block]') ?? null;
}

/**
 * Where reading starts in the scroller's view, in viewport pixels: below its `scroll-padding-top`, the
 * room a jump (`scrollIntoView`) leaves above the block it brings to the top.
 */
export function readingTop(scroller: Element): number {
  const padding = parseFloat(getComputedStyle(scroller).scrollPaddingTop);
  return scroller.getBoundingClientRect().top + (Number.isFinite(padding) ? padding : 0);
}

/**
 * The block element at the top of the scroller's view (below its scroll padding), or null over a
 * spacer. Looks a little lower when the very top falls in the margin between two blocks.
 */
export function blockAtTop(scroller: Element): HTMLElement | null {
  const view = scroller.getBoundingClientRect();
  const x = view.left + scroller.clientWidth / 2;
  const top = readingTop(scroller);
  for (let y = top + 4; y < Math.min(view.bottom, top + 120); y += 12) {
    const hit = document.elementFromPoint(x, y);
    if (hit && !scroller.contains(hit)) return null;
    const block = blockElementOf(hit);
    if (block) return block;
    if (hit?.classList.contains('spacer')) return null;
  }
  return null;
}

/** Offset, within its block's text, of a DOM boundary point (node, offset). */
export function offsetInBlock(block: HTMLElement, node: Node, offset: number): number {
  if (node.nodeType !== Node.TEXT_NODE) {
    // A boundary between children: count the text of the children before it.
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  let count = 0;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current === node) return count + offset;
    count += current.nodeValue?.length ?? 0;
  }
  return count;
}

/**
 * Canonical [start, end) of the current selection inside the article, or
 * null when it is empty or outside. `blockStarts[i]` is block i's start offset.
 */
export function selectionOffsets(
  root: HTMLElement,
  blockStarts: (index: number) => number | undefined,
): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  let range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) {
    // Begun or let go outside the text (in the margin, past its end): the part inside the text counts.
    if (!range.intersectsNode(root)) return null;
    const inside = range.cloneRange();
    if (!root.contains(range.startContainer)) inside.setStart(root, 0);
    if (!root.contains(range.endContainer)) inside.setEnd(root, root.childNodes.length);
    range = inside;
  }
  const point = (node: Node, offset: number, edge: 'start' | 'end'): number | undefined => {
    let block = blockElementOf(node);
    if (!block) {
      // The boundary sits between blocks: a start snaps to the start of the first block after it, an
      // end to the end of the last block before it (comparePoint is -1 for a block starting before).
      const blocks = Array.from(root.querySelectorAll<HTMLElement>('[data-block]'));
      const probe = document.createRange();
      probe.setStart(node, offset);
      block =
        edge === 'start'
          ? (blocks.find((b) => probe.comparePoint(b, 0) >= 0) ?? null)
          : (blocks.findLast((b) => probe.comparePoint(b, 0) < 0) ?? null);
      if (!block) return undefined;
      const base = blockStarts(Number(block.dataset.block));
      return base === undefined
        ? undefined
        : base + (edge === 'start' ? 0 : (block.textContent ?? '').length);
    }
    const base = blockStarts(Number(block.dataset.block));
    return base === undefined ? undefined : base + offsetInBlock(block, node, offset);
  };
  const start = point(range.startContainer, range.startOffset, 'start');
  const end = point(range.endContainer, range.endOffset, 'end');
  if (start === undefined || end === undefined || end <= start) return null;
  return { start, end };
}

/** The DOM boundary point at `offset` characters into a block's text. */
export function pointInBlock(block: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Node | null = null;
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    const length = current.nodeValue?.length ?? 0;
    if (remaining <= length) return { node: current, offset: remaining };
    remaining -= length;
    last = current;
  }
  return last ? { node: last, offset: last.nodeValue?.length ?? 0 } : { node: block, offset: 0 };
}

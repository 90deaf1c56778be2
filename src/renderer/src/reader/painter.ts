import Mark from 'mark.js';
import { rangesByBlock } from '../../../shared/text/blocks';
import type { Annotation, Block } from '../../../shared/types';

/** A range to paint inside one block, with what to paint it as. */
interface Paint {
  start: number;
  length: number;
  className: string;
  annotationId?: string;
}

/**
 * Paints highlights and find matches with mark.js, one block at a time and
 * only for blocks near the viewport: a book-length article with thousands of
 * highlights costs what its visible part costs.
 */
export class BlockPainter {
  private readonly observer: IntersectionObserver;
  private readonly visible = new Set<number>();
  /** What each painted block currently shows, to skip repainting it unchanged. */
  private readonly painted = new Map<number, string>();
  private paints = new Map<number, Paint[]>();
  /** Rendered block elements by block index (the reader renders a window of blocks). */
  private elements = new Map<number, HTMLElement>();

  constructor(
    private readonly root: HTMLElement,
    private blocks: Block[],
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      root: null,
      rootMargin: '50% 0px',
    });
  }

  /** Observes the block elements now in the DOM (call after each render of the window). */
  attach(): void {
    const current = new Map<number, HTMLElement>();
    for (const el of this.root.querySelectorAll<HTMLElement>('[data-block]'))
      current.set(Number(el.dataset.block), el);
    for (const [index, el] of this.elements) {
      if (current.get(index) === el) continue;
      this.observer.unobserve(el);
      this.visible.delete(index);
      this.painted.delete(index);
    }
    for (const [index, el] of current) if (this.elements.get(index) !== el) this.observer.observe(el);
    this.elements = current;
  }

  /** Sets what to paint; repaints the visible blocks whose paint changed. */
  update(
    annotations: Annotation[],
    find: { start: number; end: number }[],
    currentFind: number,
    selectedId: string | null,
  ): void {
    const paints = new Map<number, Paint[]>();
    const add = (block: number, paint: Paint) => {
      const list = paints.get(block);
      if (list) list.push(paint);
      else paints.set(block, [paint]);
    };
    const placed = annotations.filter((a) => !a.orphaned);
    const byBlock = rangesByBlock(
      this.blocks,
      placed.map((a) => ({ start: a.target.position.start, end: a.target.position.end, a })),
    );
    for (const [block, pieces] of byBlock) {
      for (const { item, start, end } of pieces) {
        const selected = item.a.id === selectedId ? ' hl-selected' : '';
        add(block, {
          start,
          length: end - start,
          className: `hl hl-${item.a.color}${selected}`,
          annotationId: item.a.id,
        });
      }
    }
    const findByBlock = rangesByBlock(
      this.blocks,
      find.map((m, i) => ({ ...m, i })),
    );
    for (const [block, pieces] of findByBlock) {
      for (const { item, start, end } of pieces) {
        add(block, {
          start,
          length: end - start,
          className: item.i === currentFind ? 'find-hit find-current' : 'find-hit',
        });
      }
    }
    this.paints = paints;
    for (const index of this.visible) this.paint(index);
    for (const index of [...this.painted.keys()]) if (!this.visible.has(index)) this.clear(index);
  }

  /** Paints one block now (e.g. right after scrolling to it). */
  paintNow(index: number): void {
    this.visible.add(index);
    this.paint(index);
  }

  dispose(): void {
    this.observer.disconnect();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const index = Number((entry.target as HTMLElement).dataset.block);
      if (entry.isIntersecting) {
        this.visible.add(index);
        this.paint(index);
      } else {
        this.visible.delete(index);
      }
    }
  }

  private paint(index: number): void {
    const el = this.elements.get(index);
    if (!el) return;
    const paints = this.paints.get(index) ?? [];
    const key = JSON.stringify(paints);
    if ((this.painted.get(index) ?? '[]') === key) return;
    const marker = new Mark(el);
    marker.unmark();
    // Longer ranges first, so shorter overlapping ones nest inside and stay clickable.
    const ordered = [...paints].sort((a, b) => b.length - a.length);
    for (const p of ordered) {
      marker.markRanges([{ start: p.start, length: p.length }], {
        className: p.className,
        each: (node: Element) => {
          if (p.annotationId) (node as HTMLElement).dataset.annotationId = p.annotationId;
        },
      });
    }
    if (paints.length) this.painted.set(index, key);
    else this.painted.delete(index);
  }

  private clear(index: number): void {
    const el = this.elements.get(index);
    if (el) new Mark(el).unmark();
    this.painted.delete(index);
  }
}

import Mark from 'mark.js';
import { rangesOver, sortRanges, type SortedRanges } from '../../../shared/text/blocks';
import { matchesIn, NO_MATCHES, type Matches } from '../../../shared/text/find';
import type { Annotation, HighlightColor } from '../../../shared/model/annotation';
import type { Block } from '../../../shared/model/article';

/** A range to paint inside one block, with what to paint it as. */
interface Paint {
  start: number;
  length: number;
  className: string;
  /** The highlight's id and colour, set on its marks as `data-annotation-id` and `data-color`. */
  annotation?: { id: string; color: HighlightColor };
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
  /**
   * The placed highlights by start, re-sorted only when the list changes; each painted block looks up its
   * own, so adding one highlight among thousands costs what the visible blocks cost.
   */
  private highlights: SortedRanges<Annotation> = sortRanges<Annotation>([], (a) => a.target.position);
  private highlightsOf: Annotation[] | null = null;
  private selectedId: string | null = null;
  /** Find matches are looked up per painted block: a keystroke costs what the visible blocks cost. */
  private find: Matches = NO_MATCHES;
  private currentFind = -1;
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
  update(annotations: Annotation[], find: Matches, currentFind: number, selectedId: string | null): void {
    if (this.highlightsOf !== annotations) {
      this.highlights = sortRanges(
        annotations.filter((a) => !a.orphaned),
        (a) => a.target.position,
      );
      this.highlightsOf = annotations;
    }
    this.selectedId = selectedId;
    this.find = find;
    this.currentFind = currentFind;
    for (const index of this.visible) this.paint(index);
    for (const index of [...this.painted.keys()]) if (!this.visible.has(index)) this.clear(index);
  }

  /**
   * Paints the rendered blocks now on screen at once, rather than a frame later when the observer first
   * reports them: an article opens with its highlights in its first frame.
   */
  paintOnScreen(): void {
    const height = window.innerHeight;
    for (const [index, el] of this.elements) {
      if (this.visible.has(index)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < height) {
        this.visible.add(index);
        this.paint(index);
      }
    }
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
    const paints = this.paintsOf(index);
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
          if (!p.annotation) return;
          (node as HTMLElement).dataset.annotationId = p.annotation.id;
          (node as HTMLElement).dataset.color = p.annotation.color;
        },
      });
    }
    if (paints.length) this.painted.set(index, key);
    else this.painted.delete(index);
  }

  private paintsOf(index: number): Paint[] {
    const block = this.blocks[index];
    if (!block) return [];
    const highlights = rangesOver(this.highlights, block.start, block.end).map(({ item, start, end }) => ({
      start,
      length: end - start,
      // The hl-<colour> class names the colour for tests and user styles; the stylesheet uses data-color.
      className: `hl hl-${item.color}${item.id === this.selectedId ? ' hl-selected' : ''}`,
      annotation: { id: item.id, color: item.color },
    }));
    if (!this.find.starts.length) return highlights;
    const found = matchesIn(this.find, block.start, block.end).map((m) => ({
      start: m.start - block.start,
      length: m.end - m.start,
      className: m.index === this.currentFind ? 'find-hit find-current' : 'find-hit',
    }));
    return found.length ? [...highlights, ...found] : highlights;
  }

  private clear(index: number): void {
    const el = this.elements.get(index);
    if (el) new Mark(el).unmark();
    this.painted.delete(index);
  }
}

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import type { Block } from '../../../shared/model/article';
import { pointInBlock, selectionOffsets } from './dom-offsets';

const TEXT = 'Sáng 31-3, Ban Chỉ đạo Đề án làm việc.\n\nĐồng chí Dương phát biểu tại buổi làm việc.';
const BLOCKS: Block[] = [
  { kind: 'p', start: 0, end: 38 },
  { kind: 'p', start: 40, end: TEXT.length },
];
const blockStart = (index: number) => BLOCKS[index]?.start;

/** Selects from (node, offset) to (node, offset), as a person dragging the mouse would. */
function select(start: { node: Node; offset: number }, end: { node: Node; offset: number }): void {
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('selection to selectors', () => {
  let root: HTMLElement;
  let first: HTMLElement;
  let second: HTMLElement;

  beforeEach(() => {
    root = document.createElement('article');
    // The first paragraph already carries a highlight: its text is split over several nodes.
    root.innerHTML =
      '<p data-block="0">Sáng 31-3, <mark class="hl">Ban Chỉ đạo</mark> Đề án làm việc.</p>' +
      '<p data-block="1">Đồng chí Dương phát biểu tại buổi làm việc.</p>';
    document.body.append(root);
    [first, second] = Array.from(root.querySelectorAll<HTMLElement>('[data-block]')) as [
      HTMLElement,
      HTMLElement,
    ];
  });

  afterEach(() => {
    window.getSelection()?.removeAllRanges();
    root.remove();
  });

  it('turns a selection across two paragraphs into the canonical quote and position', () => {
    const inMark = root.querySelector('mark')!.firstChild!;
    select({ node: inMark, offset: 4 }, { node: second.firstChild!, offset: 'Đồng chí'.length });
    const offsets = selectionOffsets(root, blockStart);
    expect(offsets).toEqual({ start: TEXT.indexOf('Chỉ đạo'), end: TEXT.indexOf(' Dương') });
    const target = describeRange(TEXT, offsets!.start, offsets!.end);
    expect(target.quote.exact).toBe('Chỉ đạo Đề án làm việc.\n\nĐồng chí');
    expect(target.quote.prefix).toBe('Sáng 31-3, Ban ');
    expect(target.quote.suffix.startsWith(' Dương phát biểu')).toBe(true);
    expect(target.position).toEqual({
      type: 'TextPositionSelector',
      start: TEXT.indexOf('Chỉ đạo'),
      end: TEXT.indexOf(' Dương'),
    });
  });

  it('snaps a boundary between paragraphs to the edge of the paragraph it bounds', () => {
    // A triple click selects the first paragraph up to the start of the next element.
    select({ node: first, offset: 0 }, { node: root, offset: 1 });
    expect(selectionOffsets(root, blockStart)).toEqual({ start: 0, end: 38 });
    select({ node: root, offset: 1 }, { node: second.firstChild!, offset: 4 });
    expect(selectionOffsets(root, blockStart)).toEqual({ start: 40, end: 44 });
  });

  it('ignores an empty selection and one outside the article', () => {
    select({ node: second.firstChild!, offset: 3 }, { node: second.firstChild!, offset: 3 });
    expect(selectionOffsets(root, blockStart)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    select({ node: outside.firstChild!, offset: 0 }, { node: outside.firstChild!, offset: 4 });
    expect(selectionOffsets(root, blockStart)).toBeNull();
    outside.remove();
  });

  it('finds the DOM point of a block offset past a mark, the inverse of the selection path', () => {
    const point = pointInBlock(first, 'Sáng 31-3, Ban Chỉ đạo Đề'.length);
    expect(point.node.nodeValue).toBe(' Đề án làm việc.');
    expect(point.offset).toBe(3);
  });
});

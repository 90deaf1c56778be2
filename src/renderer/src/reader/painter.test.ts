// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findAll, NO_MATCHES } from '../../../shared/text/find';
import { describeRange } from '../../../shared/text/selectors';
import type { Annotation, HighlightColor } from '../../../shared/model/annotation';
import type { Block } from '../../../shared/model/article';
import { BlockPainter } from './painter';

const TEXT = 'Sáng 31-3, Ban Chỉ đạo Đề án làm việc.\n\nĐồng chí Dương phát biểu tại buổi làm việc.';
const BLOCKS: Block[] = [
  { kind: 'p', start: 0, end: 38 },
  { kind: 'p', start: 40, end: TEXT.length },
];

function highlight(id: string, start: number, end: number, color: HighlightColor): Annotation {
  return {
    id,
    articleId: 'article',
    target: describeRange(TEXT, start, end),
    color,
    note: '',
    tags: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

/** What the marks of block `index` show: each mark's classes, colour and text, outer marks first. */
function marksOf(index: number): { className: string; color?: string; id?: string; text: string }[] {
  return Array.from(document.querySelectorAll<HTMLElement>(`[data-block="${index}"] mark`)).map((m) => ({
    className: m.className,
    color: m.dataset.color,
    id: m.dataset.annotationId,
    text: m.textContent ?? '',
  }));
}

describe('BlockPainter', () => {
  let root: HTMLElement;
  let painter: BlockPainter;

  beforeEach(() => {
    // jsdom has no IntersectionObserver; the painter is told what is visible with paintNow.
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    root = document.createElement('article');
    root.innerHTML = BLOCKS.map((b, i) => `<p data-block="${i}">${TEXT.slice(b.start, b.end)}</p>`).join('');
    document.body.append(root);
    painter = new BlockPainter(root, BLOCKS);
    painter.attach();
  });

  afterEach(() => {
    painter.dispose();
    root.remove();
    vi.unstubAllGlobals();
  });

  it('paints a highlight in its colour with its id, and the selected one as selected', () => {
    const ban = TEXT.indexOf('Ban Chỉ đạo');
    painter.update([highlight('a', ban, ban + 11, 'green')], NO_MATCHES, -1, 'a');
    painter.paintNow(0);
    expect(marksOf(0)).toEqual([
      { className: 'hl hl-green hl-selected', color: 'green', id: 'a', text: 'Ban Chỉ đạo' },
    ]);
  });

  it('paints a highlight across two paragraphs in each, leaving the text between them alone', () => {
    const start = TEXT.indexOf('làm việc.');
    const end = TEXT.indexOf(' Dương');
    painter.update([highlight('a', start, end, 'blue')], NO_MATCHES, -1, null);
    painter.paintNow(0);
    painter.paintNow(1);
    expect(marksOf(0).map((m) => m.text)).toEqual(['làm việc.']);
    expect(marksOf(1).map((m) => m.text)).toEqual(['Đồng chí']);
    expect(root.textContent).toBe(TEXT.replace('\n\n', ''));
  });

  it('nests a shorter overlapping highlight inside the longer one, so both stay clickable', () => {
    const ban = TEXT.indexOf('Ban Chỉ đạo Đề án');
    painter.update(
      [highlight('short', ban + 4, ban + 7, 'red'), highlight('long', ban, ban + 17, 'yellow')],
      NO_MATCHES,
      -1,
      null,
    );
    painter.paintNow(0);
    const inner = root.querySelector<HTMLElement>('mark[data-annotation-id="short"]');
    expect(inner?.textContent).toBe('Chỉ');
    expect(inner?.parentElement?.dataset.annotationId).toBe('long');
  });

  it('paints find matches accent-insensitively, the current one apart', () => {
    const matches = findAll(TEXT, 'lam viec');
    painter.update([], matches, 1, null);
    painter.paintNow(0);
    painter.paintNow(1);
    expect(marksOf(0)).toEqual([{ className: 'find-hit', text: 'làm việc' }]);
    expect(marksOf(1)).toEqual([{ className: 'find-hit find-current', text: 'làm việc' }]);
  });

  it('takes the marks away when the highlights and matches are gone', () => {
    painter.update([highlight('a', 0, 4, 'gray')], findAll(TEXT, 'Dương'), 0, null);
    painter.paintNow(0);
    painter.paintNow(1);
    expect(root.querySelectorAll('mark')).toHaveLength(2);
    painter.update([], NO_MATCHES, -1, null);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(root.textContent).toBe(TEXT.replace('\n\n', ''));
  });
});

// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model/article';
import { blockTree } from './block-tree';

const blocks: Block[] = [
  { kind: 'p', start: 0, end: 1 },
  {
    kind: 'li',
    start: 3,
    end: 4,
    wrap: [
      { tag: 'ol', id: 0, start: 3 },
      { tag: 'li', id: 1, value: 3 },
    ],
  },
  {
    kind: 'li',
    start: 6,
    end: 7,
    wrap: [
      { tag: 'ol', id: 0, start: 3 },
      { tag: 'li', id: 2, value: 4 },
    ],
  },
  {
    kind: 'li',
    start: 9,
    end: 10,
    wrap: [
      { tag: 'ol', id: 0, start: 3 },
      { tag: 'li', id: 2, value: 4 },
      { tag: 'ul', id: 3 },
      { tag: 'li', id: 4 },
    ],
  },
  {
    kind: 'p',
    start: 12,
    end: 13,
    wrap: [
      { tag: 'table', id: 5 },
      { tag: 'tbody', id: 6 },
      { tag: 'tr', id: 7 },
      { tag: 'td', id: 8 },
    ],
  },
  {
    kind: 'p',
    start: 15,
    end: 16,
    wrap: [
      { tag: 'table', id: 5 },
      { tag: 'tbody', id: 6 },
      { tag: 'tr', id: 7 },
      { tag: 'td', id: 9 },
    ],
  },
];

function html(from: number, to: number): string {
  const { container } = render(
    <article>
      {blockTree(
        blocks,
        from,
        to,
        (i, inside) => (
          <span key={i} data-block={i} data-inside={inside || undefined} />
        ),
        'Table',
      )}
    </article>,
  );
  return container.innerHTML.replace(/ data-block="(\d)"/g, '#$1').replace(/ data-inside="true"/g, '');
}

describe('blockTree', () => {
  it('puts blocks back into their lists (numbers kept, nesting too) and tables', () => {
    expect(html(0, 6)).toBe(
      '<article><span#0></span><ol start="3"><li value="3"><span#1></span></li>' +
        '<li value="4"><span#2></span><ul><li><span#3></span></li></ul></li></ol>' +
        '<div class="table-scroll" role="group" aria-label="Table"><table><tbody><tr><td><span#4></span></td>' +
        '<td><span#5></span></td></tr></tbody></table></div></article>',
    );
  });

  it('shows an item’s own number when the window starts inside its list', () => {
    expect(html(2, 4)).toBe(
      '<article><ol start="3"><li value="4"><span#2></span><ul><li><span#3></span></li></ul></li></ol></article>',
    );
  });
});

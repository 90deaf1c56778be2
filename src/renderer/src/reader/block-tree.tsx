import type { ReactNode } from 'react';
import type { Block, BlockWrapper } from '../../../shared/model/article';

/**
 * Puts the rendered blocks `from`–`to` back into the elements they sit in (lists, tables, definition
 * lists, figures; see BlockWrapper): neighbouring blocks that share a wrapper id share its element.
 * `leaf(i, inside)` renders block i; `inside` is true when it sits in a wrapper. A window that starts
 * in the middle of a list still shows its items' numbers (each item carries its own). `tableLabel` names
 * a table's scrolling group for assistive technology, in the user's language.
 */
export function blockTree(
  blocks: readonly Block[],
  from: number,
  to: number,
  leaf: (index: number, inside: boolean) => ReactNode,
  tableLabel: string,
): ReactNode[] {
  const root: ReactNode[] = [];
  const open: { wrapper: BlockWrapper; children: ReactNode[] }[] = [];
  const close = () => {
    const done = open.pop();
    if (done) (open.at(-1)?.children ?? root).push(wrapperElement(done.wrapper, done.children, tableLabel));
  };
  for (let i = from; i < to; i++) {
    const wrap = blocks[i]?.wrap ?? [];
    let shared = 0;
    while (shared < open.length && shared < wrap.length && open[shared]?.wrapper.id === wrap[shared]?.id)
      shared++;
    while (open.length > shared) close();
    for (const wrapper of wrap.slice(shared)) open.push({ wrapper, children: [] });
    (open.at(-1)?.children ?? root).push(leaf(i, wrap.length > 0));
  }
  while (open.length > 0) close();
  return root;
}

function wrapperElement(wrapper: BlockWrapper, children: ReactNode[], tableLabel: string): ReactNode {
  const key = `w${wrapper.id}`;
  switch (wrapper.tag) {
    case 'table':
      // Wide tables scroll sideways on their own; the page never does.
      return (
        <div key={key} className="table-scroll" role="group" aria-label={tableLabel}>
          <table>{children}</table>
        </div>
      );
    case 'ol':
      return (
        <ol key={key} start={wrapper.start}>
          {children}
        </ol>
      );
    case 'li':
      return (
        <li key={key} value={wrapper.value}>
          {children}
        </li>
      );
    default: {
      const Tag = wrapper.tag;
      return <Tag key={key}>{children}</Tag>;
    }
  }
}

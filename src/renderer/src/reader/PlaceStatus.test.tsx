// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import { useStore } from '../state/store';
import { PlaceStatus } from './PlaceStatus';

const PARTS = ['Lời nói đầu.', 'Chương 1', 'Một.', 'Chương 2', 'Hai.'];
const TEXT = PARTS.join('\n\n');
const BLOCKS: Block[] = [];
for (let i = 0, at = 0; i < PARTS.length; i++) {
  const toc = PARTS[i]!.startsWith('Chương') ? [{ label: `${PARTS[i]}: tên`, level: 1 }] : undefined;
  BLOCKS.push({ kind: toc ? 'h1' : 'p', start: at, end: at + PARTS[i]!.length, ...(toc && { toc }) });
  at += PARTS[i]!.length + 2;
}

function open(blocks: Block[], offset: number): void {
  const article = {
    id: 'book',
    title: 'Sách',
    format: 'epub',
    progress: offset / TEXT.length,
  } as ArticleMeta;
  const loaded = { from: 0, to: blocks.length };
  useStore.setState({
    content: {
      article,
      blocks,
      note: '',
      text: TEXT,
      textStart: 0,
      length: TEXT.length,
      loaded,
      whole: true,
    },
  });
}

afterEach(cleanup);

describe('PlaceStatus', () => {
  it('names the chapter being read, which of how many, and how far into the book', () => {
    open(BLOCKS, BLOCKS[4]!.start);
    render(<PlaceStatus scroller={null} />);
    const status = screen.getByRole('status', { name: 'Place in the text' });
    const percent = Math.floor((BLOCKS[4]!.start / TEXT.length) * 100);
    expect(status.textContent).toBe(`Chương 2: tên2 of 2${percent} % into the text`);
  });

  it('says when the place is before the first chapter', () => {
    open(BLOCKS, 0);
    render(<PlaceStatus scroller={null} />);
    expect(screen.getByRole('status').textContent).toBe('Before the first chapter0 % into the text');
  });

  it('shows nothing for a text without chapters or headings', () => {
    open(
      BLOCKS.map(({ toc: _toc, ...b }) => ({ ...b, kind: 'p' as const })),
      0,
    );
    render(<PlaceStatus scroller={null} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows nothing for a text whose only heading is its title', () => {
    open(
      BLOCKS.map(({ toc: _toc, ...b }, i) => ({ ...b, kind: i === 1 ? ('h1' as const) : ('p' as const) })),
      0,
    );
    render(<PlaceStatus scroller={null} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import { useStore } from '../state/store';
import { ContentsPanel } from './ContentsPanel';

const PARTS = ['Chương 1', 'Một.', 'Chương 2', 'Hai.', 'Chương 3', 'Ba.'];
const TEXT = PARTS.join('\n\n');
const BLOCKS: Block[] = [];
for (let i = 0, at = 0; i < PARTS.length; i++) {
  BLOCKS.push({ kind: i % 2 === 0 ? 'h1' : 'p', start: at, end: at + PARTS[i]!.length });
  at += PARTS[i]!.length + 2;
}

function open(blocks: Block[], progress: number): void {
  const article: ArticleMeta = {
    id: 'book',
    title: 'Sách',
    author: null,
    published: null,
    sourceFile: 'articles/sach.epub',
    format: 'epub',
    contentHash: 'hash',
    wordCount: 9,
    charCount: TEXT.length,
    tags: [],
    progress,
    highlightCount: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    deleted: false,
  };
  useStore.setState({
    content: {
      article,
      blocks,
      note: '',
      text: TEXT,
      textStart: 0,
      length: TEXT.length,
      loaded: { from: 0, to: blocks.length },
      whole: true,
    },
    scrollRequest: null,
  });
}

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(cleanup);

describe('ContentsPanel', () => {
  it('lists the headings, marks the one being read and jumps to an entry at the top of the view', () => {
    open(BLOCKS, BLOCKS[3]!.start / TEXT.length);
    render(<ContentsPanel scroller={null} />);
    const nav = screen.getByRole('navigation', { name: 'Contents' });
    const entries = Array.from(nav.querySelectorAll('button')).map((b) => b.textContent);
    expect(entries).toEqual(['Chương 1', 'Chương 2', 'Chương 3']);
    expect(screen.getByRole('button', { name: 'Chương 2' }).getAttribute('aria-current')).toBe('location');
    fireEvent.click(screen.getByRole('button', { name: 'Chương 3' }));
    expect(useStore.getState().scrollRequest).toMatchObject({ offset: BLOCKS[4]!.start, align: 'start' });
  });

  it('shows a book’s own table of contents, and moves between entries with the arrow keys', () => {
    const blocks = BLOCKS.map((b, i) =>
      i === 1 || i === 3 ? { ...b, toc: [{ label: `Mục ${i}`, level: 1 }] } : b,
    );
    open(blocks, 0);
    render(<ContentsPanel scroller={null} />);
    const [first, second] = screen.getAllByRole('button');
    expect([first?.textContent, second?.textContent]).toEqual(['Mục 1', 'Mục 3']);
    expect(first?.getAttribute('aria-current')).toBeNull();
    first!.focus();
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
  });

  it('says so when a text has no headings', () => {
    open(
      BLOCKS.map((b) => ({ ...b, kind: 'p' as const })),
      0,
    );
    render(<ContentsPanel scroller={null} />);
    expect(screen.getByText('This text has no chapters or headings.')).toBeTruthy();
  });
});

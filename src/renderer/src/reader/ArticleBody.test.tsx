// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READER_WINDOW } from '../../../shared/text/blocks';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import { useStore } from '../state/store';
import type { ReaderContent } from '../state/types';
import { ArticleBody } from './ArticleBody';

const COUNT = 1000;
/** Paragraph i reads "Đoạn i." and paragraphs are separated by a blank line. */
const PARAGRAPHS = Array.from({ length: COUNT }, (_, i) => `Đoạn ${i}.`);
const TEXT = PARAGRAPHS.join('\n\n');
const BLOCKS: Block[] = [];
for (let i = 0, at = 0; i < COUNT; i++) {
  BLOCKS.push({ kind: 'p', start: at, end: at + PARAGRAPHS[i]!.length });
  at += PARAGRAPHS[i]!.length + 2;
}

function content(progress: number, loaded = { from: 0, to: COUNT }): ReaderContent {
  const article: ArticleMeta = {
    id: 'article',
    title: 'Dài',
    author: null,
    published: null,
    sourceFile: 'articles/dai.txt',
    format: 'txt',
    contentHash: 'hash',
    wordCount: 2 * COUNT,
    charCount: TEXT.length,
    tags: [],
    progress,
    highlightCount: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    deleted: false,
  };
  const textStart = BLOCKS[loaded.from]!.start;
  const textEnd = BLOCKS[loaded.to - 1]!.end;
  return {
    article,
    blocks: BLOCKS,
    note: '',
    text: TEXT.slice(textStart, textEnd),
    textStart,
    length: TEXT.length,
    loaded,
    whole: loaded.from === 0 && loaded.to === COUNT,
  };
}

/** The article as the reader view lays it out: in its scroller. */
function Reader({ value }: { value: ReaderContent }) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const root = useRef<HTMLElement>(null);
  return (
    <div ref={setScroller}>
      <ArticleBody content={value} root={root} scroller={scroller} onSelection={() => {}} />
    </div>
  );
}

/** Indexes of the blocks in the DOM, and their text. */
function rendered(): { indexes: number[]; texts: string[] } {
  const blocks = Array.from(document.querySelectorAll<HTMLElement>('[data-block]'));
  return {
    indexes: blocks.map((b) => Number(b.dataset.block)),
    texts: blocks.map((b) => b.textContent ?? ''),
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('the block window', () => {
  const initial = useStore.getState();

  beforeEach(() => {
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    // jsdom lays nothing out, so it cannot scroll.
    Element.prototype.scrollIntoView = () => {};
  });

  afterEach(() => {
    cleanup();
    useStore.setState(initial, true);
    vi.unstubAllGlobals();
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('renders the blocks around the reading position, a third of the window before it', () => {
    render(<Reader value={content(BLOCKS[500]!.start / TEXT.length)} />);
    const { indexes, texts } = rendered();
    const from = 500 - Math.floor(READER_WINDOW / 3);
    expect(indexes).toEqual(range(from, from + READER_WINDOW));
    expect(texts[0]).toBe(`Đoạn ${from}.`);
    const [top, bottom] = Array.from(document.querySelectorAll<HTMLElement>('.spacer'));
    expect(parseFloat(top!.style.height)).toBeGreaterThan(0);
    expect(parseFloat(bottom!.style.height)).toBeGreaterThan(0);
  });

  it('starts at the first block at the top of the article and ends at the last at its end', () => {
    render(<Reader value={content(0)} />);
    expect(rendered().indexes).toEqual(range(0, READER_WINDOW));
    cleanup();
    render(<Reader value={content(1)} />);
    expect(rendered().indexes).toEqual(range(COUNT - READER_WINDOW, COUNT));
  });

  it('renders only the blocks whose text has arrived', () => {
    render(<Reader value={content(BLOCKS[500]!.start / TEXT.length, { from: 480, to: 530 })} />);
    const { indexes, texts } = rendered();
    expect(indexes).toEqual(range(480, 530));
    expect(texts[0]).toBe('Đoạn 480.');
  });

  it('moves to the block a scroll request names', () => {
    render(<Reader value={content(0)} />);
    act(() => useStore.getState().scrollTo(BLOCKS[900]!.start + 2));
    const { indexes } = rendered();
    expect(indexes).toContain(900);
    expect(indexes).toEqual(
      range(900 - Math.floor(READER_WINDOW / 3), 900 - Math.floor(READER_WINDOW / 3) + READER_WINDOW),
    );
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import { useStore } from '../state/store';
import { FindBar } from './FindBar';

const TEXT = 'Đảng bộ quận Sơn Trà.\n\nĐoàn đang làm việc.\n\nDạng thức mới của Đảng.';

const ARTICLE: ArticleMeta = {
  id: 'article',
  title: 'Sơn Trà',
  author: null,
  published: null,
  sourceFile: 'articles/son-tra.txt',
  format: 'txt',
  contentHash: 'hash',
  wordCount: 14,
  charCount: TEXT.length,
  tags: [],
  progress: 0,
  highlightCount: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
};

/** The find bar as the reader shows it: only while find is open. */
function Harness({ onSelectMatch }: { onSelectMatch: () => void }) {
  const open = useStore((s) => s.find.open);
  return open ? <FindBar onSelectMatch={onSelectMatch} /> : null;
}

describe('FindBar', () => {
  const initial = useStore.getState();

  beforeEach(() => {
    useStore.setState({
      content: {
        article: ARTICLE,
        blocks: [
          { kind: 'p', start: 0, end: 21 },
          { kind: 'p', start: 23, end: 42 },
          { kind: 'p', start: 44, end: TEXT.length },
        ],
        note: '',
        text: TEXT,
        textStart: 0,
        length: TEXT.length,
        loaded: { from: 0, to: 3 },
        whole: true,
      },
    });
    useStore.getState().openFind();
  });

  afterEach(() => {
    cleanup();
    useStore.setState(initial, true);
  });

  it('counts accent-insensitive matches as "i / N", steps with Enter and Shift+Enter, closes on Escape', async () => {
    const user = userEvent.setup();
    render(<Harness onSelectMatch={() => {}} />);
    const input = screen.getByRole('searchbox', { name: 'Find in article' });
    expect(document.activeElement).toBe(input);
    await user.type(input, 'dang');
    // "dang" finds Đảng, đang and Dạng (and Đảng again).
    expect(screen.getByRole('status').textContent).toBe('1 / 4');
    expect(useStore.getState().scrollRequest?.offset).toBe(TEXT.indexOf('Đảng'));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status').textContent).toBe('2 / 4');
    expect(useStore.getState().scrollRequest?.offset).toBe(TEXT.indexOf('đang'));
    await user.keyboard('{Shift>}{Enter}{/Shift}{Shift>}{Enter}{/Shift}');
    expect(screen.getByRole('status').textContent).toBe('4 / 4');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search', { name: 'Find in article' })).toBeNull();
    expect(useStore.getState().find.query).toBe('');
  });

  it('matches accents exactly when asked, and says when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Harness onSelectMatch={() => {}} />);
    await user.type(screen.getByRole('searchbox', { name: 'Find in article' }), 'đang');
    expect(screen.getByRole('status').textContent).toBe('1 / 4');
    await user.click(screen.getByRole('checkbox', { name: 'Match accents' }));
    expect(screen.getByRole('status').textContent).toBe('1 / 1');
    await user.clear(screen.getByRole('searchbox', { name: 'Find in article' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find in article' }), 'Hà Nội');
    expect(screen.getByRole('status').textContent).toBe('No matches');
    expect(screen.getByRole('button', { name: 'Next match' })).toHaveProperty('disabled', true);
  });

  it('selects the current match on request', async () => {
    const user = userEvent.setup();
    const onSelectMatch = vi.fn();
    render(<Harness onSelectMatch={onSelectMatch} />);
    await user.type(screen.getByRole('searchbox', { name: 'Find in article' }), 'son tra');
    await user.click(screen.getByRole('button', { name: 'Select match' }));
    expect(onSelectMatch).toHaveBeenCalledOnce();
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';

const search = vi.fn(async (params: { query: string }) => ({
  ok: true as const,
  value: { query: params.query, total: 0, groups: [], tookMs: 1 },
}));
vi.mock('../api', () => ({ api: { search: (params: { query: string }) => search(params) } }));

const { useStore } = await import('../state/store');
const { FindBar } = await import('../reader/FindBar');
const { SearchBox } = await import('../search/SearchBox');
const { isTyping } = await import('../reader/ReaderView');
const { isComposing } = await import('./composition');

const TEXT = 'Đoàn đang làm việc ở Đà Nẵng.';
const ARTICLE = {
  id: 'article',
  title: 'Đà Nẵng',
  format: 'txt',
  tags: [],
  progress: 0,
} as unknown as ArticleMeta;

/** Typing "dang" with Telex in an IME that composes: "d", "da", "dan", "dang", then "đang" committed. */
function composeTelex(input: HTMLElement, steps: string[]): void {
  fireEvent.compositionStart(input);
  for (const value of steps) fireEvent.change(input, { target: { value } });
}

describe('input-method composition', () => {
  const initial = useStore.getState();
  beforeEach(() => {
    search.mockClear();
    useStore.setState({
      content: {
        article: ARTICLE,
        blocks: [{ kind: 'p', start: 0, end: TEXT.length }],
        note: '',
        text: TEXT,
        textStart: 0,
        length: TEXT.length,
        loaded: { from: 0, to: 1 },
        whole: true,
      },
    });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useStore.setState(initial, true);
  });

  it('runs find only once the composition ends, and Enter confirming a candidate steps nothing', () => {
    useStore.getState().openFind();
    render(<FindBar onSelectMatch={() => {}} />);
    const input = screen.getByRole('searchbox', { name: 'Find in article' });
    composeTelex(input, ['d', 'da', 'dan', 'dang']);
    expect(input).toHaveProperty('value', 'dang');
    expect(useStore.getState().find.query).toBe('');
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(useStore.getState().find.current).toBe(-1);
    fireEvent.change(input, { target: { value: 'đang' } });
    fireEvent.compositionEnd(input);
    expect(useStore.getState().find.query).toBe('đang');
    expect(screen.getByRole('status').textContent).toBe('1 / 1');
  });

  it('searches the library only once the composition ends', async () => {
    vi.useFakeTimers();
    render(<SearchBox />);
    const input = screen.getByRole('searchbox', { name: 'Search the library' });
    composeTelex(input, ['d', 'da', 'dan', 'dang']);
    await act(async () => void vi.advanceTimersByTime(500));
    expect(search).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'đang' } });
    fireEvent.compositionEnd(input);
    await act(async () => void vi.advanceTimersByTime(500));
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0]![0].query).toBe('đang');
  });

  it('never takes a composing key, or a key while a text field has focus, for a shortcut', () => {
    expect(isComposing(new KeyboardEvent('keydown', { key: '1', isComposing: true }))).toBe(true);
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Process', keyCode: 229 }))).toBe(true);
    expect(isComposing(new KeyboardEvent('keydown', { key: '1' }))).toBe(false);
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    // The key goes to the window (as a shortcut would see it), the field has focus.
    expect(isTyping(window)).toBe(true);
    field.remove();
    expect(isTyping(document.body)).toBe(false);
  });
});

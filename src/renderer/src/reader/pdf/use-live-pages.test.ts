import { afterEach, describe, expect, it, vi } from 'vitest';
import { livePages, settler } from './use-live-pages';

const set = (...indexes: number[]) => new Set(indexes);

describe('livePages', () => {
  it('draws only the pages in view while one of them is not drawn yet', () => {
    expect([...livePages(set(398, 399, 400, 401), set(399), set())]).toEqual([399]);
    expect([...livePages(set(0, 1, 2), set(0, 1), set(0))]).toEqual([0, 1]);
  });

  it('adds the neighbours once every page in view is drawn', () => {
    expect([...livePages(set(398, 399, 400, 401), set(399), set(399))]).toEqual([398, 399, 400, 401]);
  });

  it('does not wait for a page in view that is no longer near (observers told apart)', () => {
    expect([...livePages(set(5, 6), set(4), set())]).toEqual([5, 6]);
  });
});

describe('settler', () => {
  afterEach(() => void vi.useRealTimers());

  it('passes a change on at once after a calm view (a jump to a page)', () => {
    vi.useFakeTimers();
    const applied: string[] = [];
    const settle = settler(100, (value: string) => applied.push(value));
    settle.push('page 1');
    vi.advanceTimersByTime(150);
    settle.push('page 400');
    expect(applied).toEqual(['page 1', 'page 400']);
  });

  it('in a fast scroll passes on only where the view settles, so the pages passed by are never drawn', () => {
    vi.useFakeTimers();
    const applied: string[] = [];
    const settle = settler(100, (value: string) => applied.push(value));
    settle.push('page 1');
    for (const page of ['page 2', 'page 3', 'page 4']) {
      vi.advanceTimersByTime(40);
      settle.push(page);
    }
    vi.advanceTimersByTime(99);
    expect(applied).toEqual(['page 1']);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual(['page 1', 'page 4']);
  });

  it('drops a change waiting when cancelled (the reader closed)', () => {
    vi.useFakeTimers();
    const applied: string[] = [];
    const settle = settler(100, (value: string) => applied.push(value));
    settle.push('page 1');
    settle.push('page 2');
    settle.cancel();
    vi.advanceTimersByTime(500);
    expect(applied).toEqual(['page 1']);
  });
});

import { describe, expect, it } from 'vitest';
import { livePages } from './use-live-pages';

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

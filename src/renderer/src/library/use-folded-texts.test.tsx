// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import { useFoldedTexts } from './use-folded-texts';

const articles = Array.from(
  { length: 100 },
  (_, i) => ({ id: `a${i}`, title: `Bài ${i}: Sơn Trà`, author: null, tags: [] }) as unknown as ArticleMeta,
);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('folds the list in several short tasks, into one map', () => {
  vi.useFakeTimers();
  // Each reading of the clock is a millisecond later: a slice folds a few titles, not all.
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ++now);
  const { result } = renderHook(() => useFoldedTexts(articles));
  const map = result.current;
  const done = () => articles.filter((a) => map.has(a)).length;
  act(() => void vi.advanceTimersToNextTimer());
  expect(done()).toBeGreaterThan(0);
  expect(done()).toBeLessThan(20);
  let tasks = 1;
  while (done() < 100 && tasks < 1000) {
    act(() => void vi.advanceTimersToNextTimer());
    tasks++;
  }
  expect(tasks).toBeGreaterThan(5);
  expect(vi.getTimerCount()).toBe(0);
  expect(result.current).toBe(map);
  expect(map.get(articles[7]!)).toBe('bai 7: son tra  ');
});

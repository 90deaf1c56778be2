import { describe, expect, it } from 'vitest';
import type { Page } from '../model/article';
import { pageAt, textWithPageMarkers } from './pages';

const text = 'First page.\n\nSecond page.';
const pages: Page[] = [
  { index: 0, label: 'i', start: 0, end: 11 },
  { index: 1, label: 'ii', start: 11, end: 11 },
  { index: 2, label: '1', start: 13, end: 25 },
];

describe('pages', () => {
  it('finds the page of an offset, the blank line between pages belonging to the page before', () => {
    expect(pageAt(pages, 0)?.label).toBe('i');
    expect(pageAt(pages, 10)?.label).toBe('i');
    expect(pageAt(pages, 12)?.label).toBe('ii');
    expect(pageAt(pages, 13)?.label).toBe('1');
    expect(pageAt(pages, 24)?.label).toBe('1');
    expect(pageAt([], 3)).toBeUndefined();
  });

  it('prints each page after its marker', () => {
    expect(textWithPageMarkers(text, pages)).toBe(
      '--- p. i ---\nFirst page.\n\n--- p. ii ---\n\n\n--- p. 1 ---\nSecond page.',
    );
  });
});

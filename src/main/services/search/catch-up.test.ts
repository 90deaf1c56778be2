import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../shared/model/article';
import { staleness, type Fingerprint } from './catch-up';

const indexed: Fingerprint = {
  title: 'Sơn Trà',
  author: null,
  tags: ['Đà Nẵng'],
  contentHash: 'h1',
  updatedAt: '2024-01-01T00:00:00.000Z',
  highlightCount: 2,
};
const meta = (changes: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id: '11111111-1111-4111-8111-111111111111',
  published: null,
  sourceFile: 'articles/a.txt',
  format: 'txt',
  wordCount: 2,
  charCount: 7,
  progress: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
  ...indexed,
  ...changes,
});

describe('staleness', () => {
  it('reads the least that brings the article up to date', () => {
    expect(staleness(undefined, meta())).toBe('content');
    expect(staleness(indexed, meta({ contentHash: 'h2', title: 'Khác' }))).toBe('content');
    expect(staleness(indexed, meta({ highlightCount: 3 }))).toBe('annotations');
    expect(staleness(indexed, meta({ updatedAt: '2024-02-01T00:00:00.000Z' }))).toBe('annotations');
    expect(staleness(indexed, meta({ tags: ['Đà Nẵng', 'du lịch'] }))).toBe('meta');
    expect(staleness(indexed, meta({ author: 'Lê Anh Tuấn' }))).toBe('meta');
    expect(staleness(indexed, meta())).toBeUndefined();
  });
});

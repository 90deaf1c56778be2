import { describe, expect, it } from 'vitest';
import { formOffset, metaForms, newEntry, notesFormOf } from './entry';
import { highlightsOf } from './highlights';
import { lastAtOrBefore } from './grouping';
import type { ArticleMeta } from '../../../shared/model/article';

const meta: ArticleMeta = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Đà Nẵng',
  author: 'Lê Anh Tuấn',
  published: null,
  sourceFile: 'articles/a.txt',
  format: 'txt',
  contentHash: 'h1',
  wordCount: 6,
  charCount: 30,
  tags: ['du lịch', 'Sơn Trà'],
  progress: 0,
  highlightCount: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deleted: false,
};

describe('newEntry', () => {
  it('keeps the folded text and its passages; offsets carry over when folding keeps lengths', () => {
    const text = 'Đà Nẵng\n\nBán đảo Sơn Trà.';
    const entry = newEntry(meta, {
      text,
      blocks: [
        { kind: 'h1', start: 0, end: 7 },
        { kind: 'p', start: 9, end: text.length },
      ],
    });
    expect(entry.form).toBe('da nang\n\nban dao son tra ');
    expect([entry.aligned, entry.formWide, entry.textLength]).toEqual([true, false, text.length]);
    expect(entry.passages).toEqual([0, text.length]);
    expect(metaForms(entry)).toEqual(['da nang', 'le anh tuan', 'du lich  son tra']);
  });

  it('marks a form that is not as long as the text, or not Latin-1', () => {
    const entry = newEntry(meta, { text: 'e\u0301 한국', blocks: [] });
    expect([entry.aligned, entry.formWide]).toEqual([false, true]);
  });
});

describe('notesFormOf', () => {
  it('lays out quote, note and tags of each highlight with their bounds, reading quotes from the form', () => {
    const entry = newEntry(meta, { text: 'Bán đảo Sơn Trà', blocks: [] });
    entry.highlights = highlightsOf([
      { id: 'a', color: 'yellow', start: 8, end: 15, note: 'Đẹp', tags: ['Du lịch'] },
      { id: 'b', color: 'green', start: 0, end: 3, note: '', tags: [], quote: 'Bãi' },
    ]);
    expect(notesFormOf(entry, () => entry.form ?? '')).toEqual({
      form: 'bai\n\n\nson tra\ndep\ndu lich\n',
      bounds: [0, 4, 5, 6, 6, 14, 18, 26],
    });
  });
});

describe('offsets', () => {
  it('maps a text offset to the form through the folding map, or caps it without one', () => {
    const map = Int32Array.from([0, 2, 3, 4]);
    expect([0, 1, 2, 3, 4].map((offset) => formOffset(map, offset, 3))).toEqual([0, 1, 1, 2, 3]);
    expect(formOffset(undefined, 9, 5)).toBe(5);
  });

  it('finds the last start at or before a position', () => {
    expect([0, 4, 5, 12, 99].map((at) => lastAtOrBefore([0, 5, 12], at))).toEqual([0, 0, 1, 2, 2]);
    expect(lastAtOrBefore([], 3)).toBe(0);
  });
});

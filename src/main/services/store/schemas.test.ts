import { describe, expect, it } from 'vitest';
import { checkContentRanges, syncMetaSchema } from './schemas';

const meta = (records: unknown) => ({ records, notes: {}, gone: {} });

describe('syncMetaSchema', () => {
  it('takes records whose fields map to [clock reading, hash], as they were read', () => {
    const records = { 'a:1': { title: ['2024-05-01T08:00:00.000Z-0000-d1', 'abc.def'] }, s: {} };
    const parsed = syncMetaSchema.parse(meta(records));
    expect(parsed.records).toEqual(records);
  });

  it('refuses a stamp that is not two strings, and records that are not objects', () => {
    for (const records of [
      { 'a:1': { title: ['2024', 5] } },
      { 'a:1': { title: ['2024'] } },
      { 'a:1': { title: ['2024', 'h', 'x'] } },
      { 'a:1': { title: 'h' } },
      { 'a:1': ['2024', 'h'] },
      { 'a:1': null },
      [],
      null,
    ]) {
      expect(syncMetaSchema.safeParse(meta(records)).success).toBe(false);
    }
  });
});

describe('checkContentRanges', () => {
  const text = 'Sơn Trà';
  it('passes blocks and pages within the text', () => {
    expect(() =>
      checkContentRanges({
        text,
        blocks: [{ kind: 'p', start: 0, end: 7 }],
        pages: [{ index: 0, label: '1', start: 0, end: 7 }],
      }),
    ).not.toThrow();
  });

  it('refuses a block that ends past the text or before it starts, and a page outside the text', () => {
    for (const content of [
      { text, blocks: [{ kind: 'p' as const, start: 0, end: 8 }] },
      { text, blocks: [{ kind: 'p' as const, start: 5, end: 4 }] },
      { text, blocks: [{ kind: 'p' as const, start: -1, end: 4 }] },
      { text, blocks: [{ kind: 'p' as const, start: 0.5, end: 4 }] },
      { text, blocks: [], pages: [{ index: 0, label: '1', start: 0, end: 9 }] },
    ]) {
      expect(() => checkContentRanges(content)).toThrow(
        expect.objectContaining({ code: 'invalid-argument' }),
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n';
import { importSummary } from './import-summary';

const en = translator('en');
const vi = translator('vi');

describe('importSummary', () => {
  it('names the duplicates, updates and failures, with plurals that agree', () => {
    expect(
      importSummary(
        {
          total: 5,
          imported: 1,
          duplicates: ['a.txt', 'b.md'],
          updated: ['c.html'],
          failures: [{ name: 'd.png', message: 'not text' }],
        },
        en,
      ),
    ).toBe(
      'Imported 1 of 5 files. 2 duplicates skipped (already in the library): “a.txt”, “b.md”. ' +
        '1 article updated to a new version: “c.html”. 1 failed: “d.png”.',
    );
  });

  it('says one file, and lists at most three names', () => {
    expect(importSummary({ total: 1, imported: 1, duplicates: [], updated: [], failures: [] }, en)).toBe(
      'Imported 1 of 1 file.',
    );
    const many = ['1', '2', '3', '4', '5'];
    expect(
      importSummary({ total: 5, imported: 0, duplicates: many, updated: [], failures: [] }, en),
    ).toContain('“1”, “2”, “3” and 2 more.');
  });

  it('speaks Vietnamese, its numbers grouped the Vietnamese way', () => {
    expect(
      importSummary(
        {
          total: 22985,
          imported: 22984,
          duplicates: [],
          updated: [],
          failures: [{ name: 'a.png', message: '' }],
        },
        vi,
      ),
    ).toBe('Đã nhập 22.984/22.985 tệp. 1 tệp lỗi: “a.png”.');
  });
});

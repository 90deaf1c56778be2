import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { rowWords } from './row-words';

const TITLES = ['Sơn Trà', 'A {{title}} and $& $1', ''];

describe('rowWords', () => {
  it.each(['en', 'vi'] as const)('words a row as the catalog does (%s)', (locale) => {
    const { t } = createI18n(locale);
    const words = rowWords(t, locale);
    for (const title of TITLES) {
      expect(words.editLabel(title)).toBe(t('library.editLabel', { title }));
      expect(words.deleteLabel(title)).toBe(t('library.deleteLabel', { title }));
      for (const percent of [0, 42, 100]) {
        expect(words.readPercent(percent, title)).toBe(t('library.readPercent', { percent, title }));
      }
    }
    for (const count of [0, 1, 2, 12_345]) {
      expect(words.highlights(count)).toBe(t('library.highlights', { count }));
    }
    expect([words.edit, words.delete]).toEqual([t('app.edit'), t('app.delete')]);
    expect(words.date('2022-04-01')).toBe(locale === 'vi' ? '1/4/2022' : '4/1/2022');
    expect(words.date('someday')).toBe('someday');
  });

  it('translates each label once, however many rows it words', () => {
    const i18n = createI18n('en');
    const t = vi.fn(i18n.t);
    const words = rowWords(t as unknown as typeof i18n.t, 'en');
    const before = t.mock.calls.length;
    for (let i = 0; i < 1000; i++) {
      words.editLabel(`Article ${i}`);
      words.deleteLabel(`Article ${i}`);
      words.readPercent(i % 3, `Article ${i}`);
      words.highlights(i % 2);
    }
    expect(t.mock.calls.length - before).toBe(5);
  });
});

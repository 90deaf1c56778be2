import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/search/query';
import { buildHighlightIndex, cachedTagKey, eligible } from './highlight-index';
import { highlightsOf, type HighlightRow } from './highlights';

const row = (id: string, start: number, extra: Partial<HighlightRow>): HighlightRow => ({
  id,
  color: 'yellow',
  start,
  end: start + 5,
  note: '',
  tags: [],
  ...extra,
});

const highlights = highlightsOf([
  row('a', 0, { color: 'green', tags: ['Nghị quyết'] }),
  row('b', 10, { tags: ['nghi-quyet', 'Đà Nẵng'] }),
  row('c', 20, { color: 'green' }),
]);
const tagKey = cachedTagKey();
const article = () => ({ tags: ['Hải Phòng'], highlights });

describe('buildHighlightIndex', () => {
  it('indexes highlights by colour and by folded tag', () => {
    const index = buildHighlightIndex(highlights, tagKey);
    expect(index.byColor).toEqual(
      new Map([
        ['green', [0, 2]],
        ['yellow', [1]],
      ]),
    );
    expect(index.byTag).toEqual(
      new Map([
        ['nghi quyet', [0, 1]],
        ['da nang', [1]],
      ]),
    );
  });
});

describe('eligible', () => {
  it('allows everything for a plain query', () => {
    const allowed = eligible(article(), parseQuery('dang'), tagKey);
    expect([allowed.meta, allowed.text, allowed.allHighlights]).toEqual([true, true, true]);
    expect(allowed.highlights()).toEqual([0, 1, 2]);
  });

  it('narrows to highlights with the colour, and drops title and text', () => {
    const allowed = eligible(article(), parseQuery('dang color:green'), tagKey);
    expect([allowed.meta, allowed.text, allowed.allHighlights]).toEqual([false, false, false]);
    expect(allowed.highlights()).toEqual([0, 2]);
  });

  it('takes a tag from the article itself, else from the highlights carrying it', () => {
    expect(eligible(article(), parseQuery('dang tag:hai-phong'), tagKey).text).toBe(true);
    const tagged = eligible(article(), parseQuery('dang tag:nghi-quyet color:green'), tagKey);
    expect([tagged.meta, tagged.text]).toEqual([false, false]);
    expect(tagged.highlights()).toEqual([0]);
    expect(eligible(article(), parseQuery('tag:da-nang'), tagKey).listed()).toEqual([1]);
  });

  it('allows no highlight in:text and no text in:notes', () => {
    expect(eligible(article(), parseQuery('dang in:text'), tagKey).highlights()).toEqual([]);
    expect(eligible(article(), parseQuery('dang in:notes'), tagKey).text).toBe(false);
  });
});

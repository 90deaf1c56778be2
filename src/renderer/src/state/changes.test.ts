import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import { insertAnnotation, mergeAnnotations, planRefresh } from './changes';

const OPEN = '3b241101-e2bb-4255-8caf-4136c566a962';
const OTHER = '9f6b2a1e-53d4-4c8e-8a1f-0e2d3c4b5a69';

function highlight(id: string, start: number, updatedAt = '2024-05-01T08:00:00.000Z'): Annotation {
  return {
    id,
    articleId: OPEN,
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + 1 },
    },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt,
    deleted: false,
    orphaned: false,
  };
}

describe('planRefresh', () => {
  it('fetches only the named highlights of the open article, and the tag counts', () => {
    const plan = planRefresh(
      [
        { kind: 'annotations-changed', articleId: OPEN, ids: ['a', 'b'] },
        { kind: 'annotations-changed', articleId: OTHER, ids: ['c'] },
        { kind: 'annotations-changed', articleId: OPEN, ids: ['b', 'd'] },
      ],
      OPEN,
      false,
    );
    expect(plan).toEqual({
      articles: false,
      tags: true,
      settings: false,
      text: false,
      head: false,
      closed: false,
      annotationIds: ['a', 'b', 'd'],
      devices: false,
    });
  });

  it('reloads nothing in the reader for a reading-position save, and only the list when it is shown', () => {
    const save = { kind: 'article-changed', articleId: OPEN, content: false, progressOnly: true } as const;
    expect(planRefresh([save], OPEN, false)).toMatchObject({ articles: false, text: false, head: false });
    expect(planRefresh([save], null, true)).toMatchObject({ articles: true });
  });

  it('reloads the text of the open article only when its text changed, its record and note otherwise', () => {
    const changed = (content: boolean) => ({ kind: 'article-changed', articleId: OPEN, content }) as const;
    const reanchored = { kind: 'annotations-changed', articleId: OPEN, ids: ['a'] } as const;
    expect(planRefresh([reanchored, changed(true)], OPEN, false)).toMatchObject({
      articles: true,
      text: true,
      head: false,
      annotationIds: [],
    });
    expect(planRefresh([changed(false)], OPEN, false)).toMatchObject({ text: false, head: true });
    expect(planRefresh([{ ...changed(true), articleId: OTHER }], OPEN, false)).toMatchObject({
      articles: true,
      text: false,
      head: false,
    });
  });

  it('updates the list for articles added or removed, leaves a removed open article, and follows tags and settings', () => {
    expect(
      planRefresh(
        [
          { kind: 'article-added', articleId: OTHER },
          { kind: 'article-removed', articleId: OPEN },
          { kind: 'tags-changed' },
          { kind: 'settings-changed' },
        ],
        OPEN,
        false,
      ),
    ).toMatchObject({ articles: true, closed: true, tags: true, settings: true, text: false });
  });

  it('asks again about the other computers only when their changes arrived', () => {
    const fromElsewhere = planRefresh(
      [{ kind: 'annotations-changed', articleId: OTHER, ids: ['a'] }, { kind: 'devices-changed' }],
      OPEN,
      false,
    );
    expect(fromElsewhere).toMatchObject({ devices: true, tags: true });
    expect(
      planRefresh([{ kind: 'annotations-changed', articleId: OTHER, ids: ['a'] }], OPEN, false),
    ).toMatchObject({
      devices: false,
    });
  });
});

describe('mergeAnnotations', () => {
  it('replaces and adds the fetched highlights, drops the asked ids not returned, keeps document order', () => {
    const current = [highlight('a', 0), highlight('b', 10), highlight('c', 20)];
    const merged = mergeAnnotations(
      current,
      ['b', 'c', 'd'],
      [highlight('d', 5), highlight('c', 20, '2024-05-02T00:00:00.000Z')],
    );
    expect(merged.map((a) => [a.id, a.updatedAt.slice(0, 10)])).toEqual([
      ['a', '2024-05-01'],
      ['d', '2024-05-01'],
      ['c', '2024-05-02'],
    ]);
  });

  it('keeps a version newer than the one fetched (an edit made here meanwhile)', () => {
    const newer = highlight('a', 0, '2024-05-03T00:00:00.000Z');
    expect(mergeAnnotations([newer], ['a'], [highlight('a', 0)])).toEqual([newer]);
  });

  it('gives back the same list when it already holds what was fetched (an edit made here)', () => {
    const current = [highlight('a', 0), highlight('b', 10)];
    expect(mergeAnnotations(current, ['b'], [highlight('b', 10)])).toBe(current);
    expect(mergeAnnotations(current, ['z'], [])).toBe(current);
    expect(mergeAnnotations(current, ['b'], [])).not.toBe(current);
  });
});

describe('insertAnnotation', () => {
  it('puts a new highlight in document order, after those starting at the same place and ending sooner', () => {
    const list = [highlight('a', 0), highlight('b', 10), highlight('c', 20)];
    const at = (added: Annotation) => insertAnnotation(list, added).map((a) => a.id);
    expect(at(highlight('new', 15))).toEqual(['a', 'b', 'new', 'c']);
    expect(at(highlight('new', 10))).toEqual(['a', 'b', 'new', 'c']);
    expect(at(highlight('new', 30))).toEqual(['a', 'b', 'c', 'new']);
    expect(at(highlight('new', 0))).toEqual(['a', 'new', 'b', 'c']);
    expect(insertAnnotation([], highlight('new', 5)).map((a) => a.id)).toEqual(['new']);
  });
});

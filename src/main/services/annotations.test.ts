import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import type { Annotation } from '../../shared/model/annotation';
import { createDispatch, type Dispatch } from '../dispatch';
import type { Handlers } from './handlers';
import type { ChangeBatch } from '../../shared/model/change';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { LibraryStore } from './store';
import { ARTICLE_TEXT, articleMeta, tempDir } from './store/testing/fixtures';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const MISSING = '9f6b2a1e-53d4-4c8e-8a1f-0e2d3c4b5a69';

let store: LibraryStore;
let dispatch: Dispatch;

beforeEach(async () => {
  const dir = tempDir();
  store = await LibraryStore.open(dir, {});
  store.putArticle(articleMeta());
  await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [{ kind: 'p', start: 0, end: 57 }] });
  dispatch = createDispatch({
    ...appHandlers('cli', dir, () => store.syncStatus()),
    ...annotationHandlers(store),
  } as Partial<Handlers> as Handlers);
});

afterEach(async () => {
  await store.close();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('annotation handlers', () => {
  it('re-attaches an orphaned highlight to the range the user selected, keeping its note', async () => {
    const created = value<Annotation>(
      await dispatch('createAnnotation', { articleId: ID, start: 0, end: 5, color: 'red', note: 'giữ lại' }),
    );
    await store.replaceTargets(ID, [{ id: created.id, target: created.target, orphaned: true }]);
    const placed = value<Annotation>(
      await dispatch('reattachAnnotation', { articleId: ID, id: created.id, start: 40, end: 47 }),
    );
    expect(placed.orphaned).toBe(false);
    expect(placed.note).toBe('giữ lại');
    expect(placed.target.quote.exact).toBe(ARTICLE_TEXT.slice(40, 47));
    expect(placed.target.position).toMatchObject({ start: 40, end: 47 });
    const missing = await dispatch('reattachAnnotation', { articleId: ID, id: MISSING, start: 1, end: 2 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('creates a highlight from a range of the stored text, with its quote and 32 characters of context', async () => {
    const created = value<Annotation>(
      await dispatch('createAnnotation', {
        articleId: ID,
        start: 40,
        end: 47,
        color: 'orange',
        tags: ['Đà Nẵng'],
      }),
    );
    expect(created.target).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: ARTICLE_TEXT.slice(40, 47),
        prefix: ARTICLE_TEXT.slice(8, 40),
        suffix: ARTICLE_TEXT.slice(47, 79),
      },
      position: { type: 'TextPositionSelector', start: 40, end: 47 },
    });
    expect(value(await dispatch('listAnnotations', { articleId: ID }))).toEqual([created]);
    expect(value(await dispatch('listTags', {}))).toEqual([{ name: 'Đà Nẵng', color: null, count: 1 }]);
    expect(value(await dispatch('undo', {}))).toMatchObject({
      label: 'Undid: highlight “hành ph” added',
      articleId: ID,
      entry: 1,
    });
    expect(value(await dispatch('redo', {}))).toMatchObject({
      label: 'Redid: highlight “hành ph” added',
      articleId: ID,
      entry: 1,
    });
  });

  it('answers an out-of-range selection with invalid-argument and an unknown article with not-found', async () => {
    const beyond = await dispatch('createAnnotation', { articleId: ID, start: 5, end: 5000, color: 'red' });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const empty = await dispatch('createAnnotation', { articleId: ID, start: 5, end: 5, color: 'red' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const unknown = await dispatch('createAnnotation', {
      articleId: MISSING,
      start: 0,
      end: 3,
      color: 'red',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('says so when an article’s text is not available', async () => {
    const other = '0b7e9c3d-2f4a-4e6b-8c1d-5a9f3e2b7c4d';
    store.putArticle(articleMeta({ id: other, title: 'Chưa có chữ' }));
    const result = await dispatch('createAnnotation', { articleId: other, start: 0, end: 3, color: 'red' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('Chưa có chữ') },
    });
  });

  it.each([
    ['a non-UUID article id', 'listAnnotations', { articleId: '../etc' }],
    ['an unknown key', 'listAnnotations', { articleId: ID, extra: 1 }],
    ['a range ending before it starts', 'listAnnotations', { articleId: ID, range: { start: 9, end: 3 } }],
    [
      'a colour outside the palette',
      'createAnnotation',
      { articleId: ID, start: 0, end: 3, color: 'chartreuse' },
    ],
    ['a negative offset', 'createAnnotation', { articleId: ID, start: -1, end: 3, color: 'red' }],
    ['a fractional offset', 'createAnnotation', { articleId: ID, start: 0.5, end: 3, color: 'red' }],
    ['a tag name over 100 characters', 'createTag', { name: 'x'.repeat(101) }],
    ['a tag colour that is not #rrggbb or a palette name', 'createTag', { name: 'a', color: 'url(x)' }],
    ['too many tags', 'updateAnnotation', { articleId: ID, id: MISSING, tags: Array(51).fill('t') }],
    ['a font size above 32', 'updateSettings', { fontSize: 40 }],
    ['an unknown theme', 'updateSettings', { theme: 'neon' }],
    ['a wait over 30 seconds', 'waitForChanges', { since: 0, timeoutMs: 60_000 }],
    ['a highlight id that is not a UUID', 'listAnnotations', { articleId: ID, ids: ['../x'] }],
    ['a missing required field', 'renameTag', { from: 'a' }],
  ])('rejects %s with invalid-argument before reaching the store', async (_what, method, params) => {
    await store.flush();
    const revision = store.changes.revision;
    expect(await dispatch(method, params)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await store.flush();
    expect(store.changes.revision).toBe(revision);
  });

  it('passes tag, note, settings and notice calls through to the store', async () => {
    expect(value(await dispatch('createTag', { name: ' Huế ', color: '#aabbcc' }))).toEqual({
      name: 'Huế',
      color: '#aabbcc',
    });
    expect(value(await dispatch('recolorTag', { name: 'huế', color: null }))).toEqual({
      name: 'Huế',
      color: null,
    });
    expect(value(await dispatch('renameTag', { from: 'Huế', to: 'Cố đô' }))).toEqual({
      name: 'Cố đô',
      color: null,
    });
    expect(await dispatch('deleteTag', { name: 'không có' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    value(await dispatch('setArticleNote', { articleId: ID, note: 'Ghi chú' }));
    expect(value(await dispatch('getArticleNote', { articleId: ID }))).toBe('Ghi chú');
    expect(value(await dispatch('updateSettings', { font: 'sans' }))).toEqual({
      theme: 'system',
      font: 'sans',
      fontSize: 19,
    });
    expect(value(await dispatch('takeNotices', {}))).toEqual([]);
  });

  it('long-polls for change events with a default timeout', async () => {
    await store.flush();
    const now = value<ChangeBatch>(await dispatch('waitForChanges', { since: 0, timeoutMs: 0 }));
    const waiting = dispatch('waitForChanges', { since: now.revision });
    await dispatch('setArticleNote', { articleId: ID, note: 'mới' });
    expect(value(await waiting)).toEqual({
      revision: now.revision + 1,
      events: [{ kind: 'article-changed', articleId: ID, content: false }],
      reset: false,
    });
  });

  it('lists only the highlights asked for by id', async () => {
    const make = (start: number) =>
      dispatch('createAnnotation', { articleId: ID, start, end: start + 3, color: 'red' }).then(
        (r) => value<Annotation>(r).id,
      );
    const [a, b, c] = [await make(0), await make(10), await make(20)];
    await dispatch('deleteAnnotation', { articleId: ID, id: c });
    const listed = value<Annotation[]>(await dispatch('listAnnotations', { articleId: ID, ids: [c, b] }));
    expect(listed.map((x) => x.id)).toEqual([b]);
    const all = value<Annotation[]>(await dispatch('listAnnotations', { articleId: ID }));
    expect(all.map((x) => x.id)).toEqual([a, b]);
  });
});

import { describe, expect, it } from 'vitest';
import { UndoHistory, type Change } from './undo';

const A = 'article-a';
const B = 'article-b';
const state = { color: 'yellow' as const, note: '', tags: [], deleted: false };

function edit(articleId: string, id: string): Change {
  return { kind: 'annotation', articleId, id, before: state, after: { ...state, note: 'x' } };
}

describe('UndoHistory', () => {
  it('undoes the newest change of the article asked for, never one of another article', () => {
    const history = new UndoHistory();
    history.record({ what: { message: 'a1' }, articleId: A, changes: [edit(A, '1')] });
    history.record({ what: { message: 'b1' }, articleId: B, changes: [edit(B, '2')] });
    expect(history.peekUndo({ articleId: A })?.what.message).toBe('a1');
    expect(history.takeUndo({ articleId: A })).toMatchObject({ what: { message: 'a1' } });
    expect(history.takeUndo({ articleId: A })).toBeUndefined();
    expect(history.takeUndo({ articleId: B })).toMatchObject({ what: { message: 'b1' } });
  });

  it('includes library-wide operations (tags) in an article scope', () => {
    const history = new UndoHistory();
    history.record({ what: { message: 'a1' }, articleId: A, changes: [edit(A, '1')] });
    history.record({
      what: { message: 'tag' },
      articleId: null,
      changes: [{ kind: 'tag', key: 't', before: null, after: { name: 't', color: null } }],
    });
    expect(history.takeUndo({ articleId: A })).toMatchObject({ what: { message: 'tag' } });
  });

  it('undoes an operation named by id, refusing one already undone or touched again since', () => {
    const history = new UndoHistory();
    history.record({ what: { message: 'first' }, articleId: A, changes: [edit(A, '1')] });
    history.record({ what: { message: 'other' }, articleId: A, changes: [edit(A, '2')] });
    history.record({ what: { message: 'again' }, articleId: A, changes: [edit(A, '1')] });
    const [first, other] = [1, 2];
    expect(history.takeUndo({ entry: first })).toBe('superseded');
    expect(history.takeUndo({ entry: other })).toMatchObject({ what: { message: 'other' } });
    expect(history.takeUndo({ entry: other })).toBe('gone');
  });

  it('redoes within the scope asked for', () => {
    const history = new UndoHistory();
    history.record({ what: { message: 'a1' }, articleId: A, changes: [edit(A, '1')] });
    history.record({ what: { message: 'b1' }, articleId: B, changes: [edit(B, '2')] });
    history.takeUndo({ articleId: A });
    history.takeUndo({ articleId: B });
    expect(history.takeRedo({ articleId: A })).toMatchObject({ what: { message: 'a1' } });
    expect(history.takeRedo({ articleId: A })).toBeUndefined();
  });
});

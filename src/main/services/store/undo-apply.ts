import type { UndoOutcome } from '../../../shared/model/undo';
import { ChangeSet } from './change-set';
import { later, now, type StoreContext } from './context';
import type { ShardFile } from './schemas';
import type { StoredFile } from './stored-file';
import type { Change, TagChange, UndoEntry, UndoScope } from './undo';
import { GlossError } from '../../../shared/result';
import { notice } from '../notice';

/**
 * Undoes an operation: the one named by `scope.entry`, else the newest for `scope.articleId` (library-wide
 * tag operations included), else the newest. Null when there is none in scope.
 * @throws GlossError 'conflict' when the named operation was already undone, or a later one changed the same things.
 */
export async function undo(ctx: StoreContext, scope: UndoScope = {}): Promise<UndoOutcome | null> {
  ctx.assertWritable();
  const entry = ctx.history.takeUndo(scope);
  if (entry === 'gone') throw new GlossError('conflict', 'That change was already undone.');
  if (entry === 'superseded') {
    throw new GlossError(
      'conflict',
      'That change can no longer be undone: what it changed was changed again since.',
    );
  }
  if (!entry) return null;
  await applyEntry(ctx, entry, 'before');
  return outcome(entry, 'undo.undid');
}

/** Redoes the newest undone operation in scope (see `undo`); null when there is none. */
export async function redo(ctx: StoreContext, scope: UndoScope = {}): Promise<UndoOutcome | null> {
  ctx.assertWritable();
  const entry = ctx.history.takeRedo(scope);
  if (!entry) return null;
  await applyEntry(ctx, entry, 'after');
  return outcome(entry, 'undo.redid');
}

/** The operation `undo(scope)` would undo now, without undoing it; null when there is none. */
export function peekUndo(ctx: StoreContext, scope: UndoScope = {}): UndoOutcome | null {
  const entry = ctx.history.peekUndo(scope);
  return entry ? outcome(entry) : null;
}

/** What undoing or redoing `entry` did (`done` absent for the one about to be undone). */
function outcome(entry: UndoEntry, done?: 'undo.undid' | 'undo.redid'): UndoOutcome {
  const label = done ? notice(done, { what: entry.what.message }).message : entry.what.message;
  return { label, what: entry.what, articleId: entry.articleId, entry: entry.id };
}

/** Puts every change of `entry` in its `side` state. Registry entries first (in reverse when undoing), so restored tags take their restored spelling. */
async function applyEntry(ctx: StoreContext, entry: UndoEntry, side: 'before' | 'after'): Promise<void> {
  const changes = new ChangeSet();
  const registry = entry.changes.filter((change): change is TagChange => change.kind === 'tag');
  for (const change of side === 'before' ? registry.reverse() : registry) {
    ctx.tags.set(change.key, change[side], changes);
  }
  const touched = new Map<string, [StoredFile<ShardFile>, string[]]>();
  for (const change of entry.changes) {
    if (change.kind === 'tag') continue;
    if (change.kind === 'articleTags') {
      applyArticleTags(ctx, change, side, changes);
      continue;
    }
    if (!ctx.articles.has(change.articleId)) continue;
    const file = await ctx.shards.get(change.articleId);
    const annotation = file.data.annotations.find((a) => a.id === change.id);
    if (!annotation) continue;
    const state = change[side];
    Object.assign(annotation, state, {
      tags: ctx.tags.resolve(state.tags, changes),
      updatedAt: later(annotation.updatedAt),
    });
    const ids = touched.get(change.articleId)?.[1] ?? [];
    touched.set(change.articleId, [file, [...ids, annotation.id]]);
  }
  for (const [articleId, [file, ids]] of touched) {
    ctx.shardChanged(articleId, file, ids);
    changes.annotations(articleId, ids, file);
  }
  await ctx.commit(changes);
}

function applyArticleTags(
  ctx: StoreContext,
  change: Extract<Change, { kind: 'articleTags' }>,
  side: 'before' | 'after',
  changes: ChangeSet,
): void {
  const meta = ctx.articles.get(change.articleId);
  if (!meta) return;
  Object.assign(meta, { tags: ctx.tags.resolve(change[side], changes), updatedAt: now() });
  ctx.library.changed();
  if (!meta.deleted) {
    changes.article({ kind: 'article-changed', articleId: meta.id, content: false }, ctx.library);
  }
}

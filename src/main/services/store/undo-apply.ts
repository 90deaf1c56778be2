import type { UndoOutcome } from '../../../shared/model/undo';
import { ChangeSet } from './change-set';
import { later, now, type StoreContext } from './context';
import type { ShardFile } from './schemas';
import type { StoredFile } from './stored-file';
import type { Change, TagChange, UndoEntry } from './undo';

/** Undoes the last highlight or tag operation; null when there is none. */
export async function undo(ctx: StoreContext): Promise<UndoOutcome | null> {
  ctx.assertWritable();
  const entry = ctx.history.takeUndo();
  if (!entry) return null;
  await applyEntry(ctx, entry, 'before');
  return { label: `Undid ${entry.label}`, articleId: entry.articleId };
}

/** Redoes the last undone operation; null when there is none. */
export async function redo(ctx: StoreContext): Promise<UndoOutcome | null> {
  ctx.assertWritable();
  const entry = ctx.history.takeRedo();
  if (!entry) return null;
  await applyEntry(ctx, entry, 'after');
  return { label: `Redid ${entry.label}`, articleId: entry.articleId };
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

import type { Tag, TagInfo } from '../../../shared/model/tag';
import { ChangeSet } from './change-set';
import { later, now, sameTags, stateOf, type StoreContext } from './context';
import { tagKey } from '../../../shared/model/tag';
import { normalizeTagName } from './tags';
import type { Change, TagChange } from './undo';
import { notice } from '../notice';

/** Every registered tag with its use count (live highlights and live articles), sorted by name. */
export async function listTags(ctx: StoreContext): Promise<TagInfo[]> {
  const live = ctx.library.data.articles.filter((meta) => !meta.deleted);
  const shards = await ctx.shards.getAll(live.map((meta) => meta.id));
  const uses = [
    ...live.map((meta) => meta.tags),
    ...shards.flatMap((file) => file.data.annotations.filter((a) => !a.deleted).map((a) => a.tags)),
  ];
  const changes = new ChangeSet();
  const tags = ctx.tags.list(uses, changes);
  // Housekeeping of the registry; a read does not fail when it cannot be saved.
  await ctx.commit(changes).catch(() => undefined);
  return tags;
}

/** Registers a new tag; resolves once on disk. @throws GlossError 'conflict' when it exists (any case), 'invalid-argument', 'disk-full', 'io'. */
export async function createTag(ctx: StoreContext, name: string, color: string | null): Promise<Tag> {
  ctx.assertWritable();
  const changes = new ChangeSet();
  const tag = ctx.tags.create(name, color, changes);
  await ctx.commit(changes);
  return tag;
}

/** Changes a tag's colour (null for none); resolves once on disk. @throws GlossError 'not-found', 'invalid-argument', 'disk-full', 'io'. */
export async function recolorTag(ctx: StoreContext, name: string, color: string | null): Promise<Tag> {
  ctx.assertWritable();
  const changes = new ChangeSet();
  const tag = ctx.tags.recolor(name, color, changes);
  await ctx.commit(changes);
  return tag;
}

/**
 * Renames a tag on every highlight and article (undoable). Renaming onto an
 * existing name (any case) merges the two under the existing tag; changing
 * only the case respells it.
 * @throws GlossError 'not-found' for an unknown tag, 'invalid-argument' for a bad name.
 */
export async function renameTag(ctx: StoreContext, from: string, to: string): Promise<Tag> {
  ctx.assertWritable();
  const source = ctx.tags.require(from);
  const fromKey = tagKey(source.name);
  const toName = normalizeTagName(to);
  const toKey = tagKey(toName);
  if (toName === source.name) return { ...source };
  const existing = toKey === fromKey ? undefined : ctx.tags.find(toKey);
  const result = existing ?? { name: toName, color: source.color };
  const changes = new ChangeSet();
  const registry: TagChange[] = [{ kind: 'tag', key: fromKey, before: { ...source }, after: null }];
  if (!existing) registry.push({ kind: 'tag', key: toKey, before: null, after: { ...result } });
  for (const change of registry) ctx.tags.set(change.key, change.after, changes);
  const undo: Change[] = [...registry];
  undo.push(
    ...(await rewriteTagUses(ctx, changes, (tags) =>
      tags.map((name) => (tagKey(name) === fromKey ? result.name : name)).filter(uniqueByKey),
    )),
  );
  ctx.history.record({
    what: existing
      ? notice('undo.tagMerged', { from: source.name, to: existing.name })
      : notice('undo.tagRenamed', { from: source.name, to: result.name }),
    articleId: null,
    changes: undo,
  });
  await ctx.commit(changes);
  return { ...result };
}

/** Deletes a tag and removes it from every highlight and article (undoable). @throws GlossError 'not-found'. */
export async function deleteTag(ctx: StoreContext, name: string): Promise<void> {
  ctx.assertWritable();
  const tag = ctx.tags.require(name);
  const key = tagKey(tag.name);
  const changes = new ChangeSet();
  const removal: TagChange = { kind: 'tag', key, before: { ...tag }, after: null };
  ctx.tags.set(key, null, changes);
  const undo: Change[] = [removal];
  undo.push(...(await rewriteTagUses(ctx, changes, (tags) => tags.filter((other) => tagKey(other) !== key))));
  ctx.history.record({ what: notice('undo.tagDeleted', { name: tag.name }), articleId: null, changes: undo });
  await ctx.commit(changes);
}

/**
 * Applies `rewrite` to the tags of every highlight (tombstones included) and
 * every article; notes them in `changes` and returns them, for undo.
 */
async function rewriteTagUses(
  ctx: StoreContext,
  changes: ChangeSet,
  rewrite: (tags: string[]) => string[],
): Promise<Change[]> {
  const undo: Change[] = [];
  const at = now();
  for (const meta of ctx.library.data.articles) {
    const after = rewrite(meta.tags);
    if (sameTags(after, meta.tags)) continue;
    undo.push({ kind: 'articleTags', articleId: meta.id, before: [...meta.tags], after });
    Object.assign(meta, { tags: after, updatedAt: at });
    ctx.library.changed();
    if (!meta.deleted)
      changes.article({ kind: 'article-changed', articleId: meta.id, content: false }, ctx.library);
  }
  const ids = ctx.library.data.articles.map((meta) => meta.id);
  const files = await ctx.shards.getAll(ids);
  files.forEach((file, index) => {
    const articleId = ids[index] as string;
    const touched: string[] = [];
    for (const annotation of file.data.annotations) {
      const tags = rewrite(annotation.tags);
      if (sameTags(tags, annotation.tags)) continue;
      const before = stateOf(annotation);
      Object.assign(annotation, { tags, updatedAt: later(annotation.updatedAt) });
      undo.push({ kind: 'annotation', articleId, id: annotation.id, before, after: stateOf(annotation) });
      touched.push(annotation.id);
    }
    if (touched.length === 0) return;
    ctx.shardChanged(articleId, file, touched);
    changes.annotations(articleId, touched, file);
  });
  return undo;
}

/** Array filter keeping the first of names equal case-insensitively. */
function uniqueByKey(name: string, index: number, names: string[]): boolean {
  return names.findIndex((other) => tagKey(other) === tagKey(name)) === index;
}

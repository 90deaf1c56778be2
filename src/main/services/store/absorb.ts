import type { ArticleMeta } from '../../../shared/model/article';
import { ChangeSet } from './change-set';
import type { HybridClock } from './clock';
import type { StoreContext } from './context';
import { mergeLibrary, mergeShard } from './merge';
import type { LibraryFile, ShardFile } from './schemas';
import { ARTICLE_NOTE, metaOf, stampLibrary, stampShard } from './stamps';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** Which other device's file (its folder name and the digest of its bytes) was joined, noted in the sync data. */
export interface JoinedFrom {
  key: string;
  digest: string;
}

/** Notes in a file's sync data that it now holds what `from` held (see SyncMeta's `seen`). */
function noteJoined(data: LibraryFile, from: JoinedFrom | undefined): void {
  if (from) (metaOf(data).seen ??= {})[from.key] = from.digest;
}

/** What another device's files bring, joined into the open store. */
export interface Absorbing {
  ctx: StoreContext;
  clock: HybridClock;
  deviceId: string;
}

const shown = (meta: ArticleMeta) => JSON.stringify({ ...meta, progress: 0, highlightCount: 0 });

/**
 * Joins another device's library.json (or a conflict copy of one) into the
 * open index, then announces what changed: articles added, changed or
 * removed, the tag registry, the settings. Pending changes of this process
 * are stamped first, so they are kept where they are later. `from` names
 * the device file it came from (none for a conflict copy).
 */
export async function absorbLibrary(
  { ctx, clock }: Absorbing,
  theirs: LibraryFile,
  from?: JoinedFrom,
): Promise<void> {
  const data = ctx.library.data;
  stampLibrary(data, clock);
  const before = new Map(data.articles.map((meta) => [meta.id, { text: shown(meta), meta: { ...meta } }]));
  const tags = JSON.stringify(data.tags);
  const settings = JSON.stringify(data.settings);
  mergeLibrary(data, theirs);
  noteJoined(data, from);
  const changes = new ChangeSet();
  let changed = false;
  for (const meta of data.articles) {
    ctx.articles.set(meta.id, meta);
    const old = before.get(meta.id);
    if (old?.text === shown(meta)) continue;
    changed = true;
    if (!old || (old.meta.deleted && !meta.deleted)) {
      if (!meta.deleted) changes.article({ kind: 'article-added', articleId: meta.id }, ctx.library);
    } else if (!old.meta.deleted && meta.deleted) {
      changes.article({ kind: 'article-removed', articleId: meta.id }, ctx.library);
    } else {
      const content = old.meta.contentHash !== meta.contentHash;
      changes.article({ kind: 'article-changed', articleId: meta.id, content }, ctx.library);
    }
  }
  if (JSON.stringify(data.tags) !== tags) {
    changed = true;
    changes.tagsChanged();
  }
  if (JSON.stringify(data.settings) !== settings) {
    changed = true;
    changes.settingsChanged();
  }
  if (!changed) return;
  ctx.library.changed('idle');
  changes.fromOtherDevice();
  await ctx.commit(changes);
}

/**
 * Joins another device's shard of an article (or a conflict copy) into the
 * open one, writes the highlights it changed to this device's journal and
 * announces them (and the article, when its note changed). Tells the user
 * about a note that now holds two versions.
 */
export async function absorbShard({ ctx, clock, deviceId }: Absorbing, theirs: ShardFile): Promise<void> {
  const { articleId } = theirs;
  const wasLoaded = ctx.shards.peek(articleId) !== undefined;
  const file = await ctx.shards.get(articleId);
  if (!wasLoaded) {
    // Loading it joined every device's shard: announce all of it.
    const changes = new ChangeSet();
    changes.article({ kind: 'article-changed', articleId, content: false }, file);
    changes.annotations(
      articleId,
      file.data.annotations.map((a) => a.id),
      file,
    );
    changes.fromOtherDevice();
    await ctx.commit(changes);
    return;
  }
  stampShard(file.data, 'all', clock, deviceId);
  const before = new Map(file.data.annotations.map((a) => [a.id, JSON.stringify(a)]));
  const note = file.data.note;
  const versions = noteVersionCounts(file.data);
  mergeShard(file.data, theirs);
  const ids = file.data.annotations.filter((a) => before.get(a.id) !== JSON.stringify(a)).map((a) => a.id);
  reportNoteVersions(ctx.notify, ctx.articles.get(articleId)?.title, file.data, versions);
  const changes = new ChangeSet();
  if (file.data.note !== note) {
    changes.article({ kind: 'article-changed', articleId, content: false }, file);
    file.changed('soon');
  }
  if (ids.length === 0 && file.data.note === note) return;
  if (ids.length > 0) {
    ctx.shardChanged(articleId, file, ids);
    changes.annotations(articleId, ids, file);
  }
  changes.fromOtherDevice();
  await ctx.commit(changes);
}

/** How many versions each note of a shard has, by key. */
export function noteVersionCounts(data: ShardFile): Map<string, number> {
  return new Map(Object.entries(data.sync?.notes ?? {}).map(([key, note]) => [key, note.heads.length]));
}

/** Tells the user about each note that gained a second version (edited on two computers at once). */
export function reportNoteVersions(
  notify: (said: Notice) => void,
  title: string | undefined,
  data: ShardFile,
  before: Map<string, number>,
): void {
  for (const [key, state] of Object.entries(data.sync?.notes ?? {})) {
    if (state.heads.length < 2 || (before.get(key) ?? 1) >= state.heads.length) continue;
    const params = { title: title ?? data.articleId };
    notify(
      notice(key === ARTICLE_NOTE ? 'notices.articleNoteVersions' : 'notices.highlightNoteVersions', params),
    );
  }
}

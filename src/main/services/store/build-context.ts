import path from 'node:path';
import type { Notice } from '../../../shared/model/notice';
import type { ChangeSet } from './change-set';
import { countHighlights, describeArticle, type StoreContext } from './context';
import { otherDeviceFolders } from './devices';
import type { LibraryFiles } from './open-library';
import { Shards } from './shards';
import { storedFileOptions } from './stored-file-options';
import { TagRegistry } from './tag-registry';
import { UndoHistory } from './undo';

/** What the store does for its context: tell the user, refuse writes once closed, announce, mark shards changed. */
export interface StoreHooks {
  notify(message: Notice): void;
  assertWritable(): void;
  commit(changes: ChangeSet): Promise<void>;
  /** A shard was changed in memory (after its file was told to write it and its highlights recounted). */
  shardChanged(): void;
}

/** The state one library's store shares with its parts: the open files, the article map, shards, tags and undo. */
export function buildContext(
  { glossDir, cacheDir, deviceId, own, clock, tuning, health, library }: LibraryFiles,
  hooks: StoreHooks,
): StoreContext {
  const backupsDir = path.join(cacheDir, 'backups');
  const site = { glossDir, backupsDir, tuning, health };
  const ctx: StoreContext = {
    glossDir,
    cacheDir,
    own,
    library,
    articles: new Map(library.data.articles.map((meta) => [meta.id, meta])),
    shards: new Shards({
      glossDir,
      backupsDir,
      own,
      deviceId,
      clock,
      others: () => otherDeviceFolders(glossDir, deviceId),
      notify: (message) => hooks.notify(message),
      fileOptions: (relative, what) => storedFileOptions(site, relative, what, path.relative(own, relative)),
      describe: (id) => describeArticle(ctx, id),
      title: (id) => ctx.articles.get(id)?.title,
      loaded: (id, file) => countHighlights(ctx, id, file),
    }),
    tags: new TagRegistry(library),
    history: new UndoHistory(),
    notify: (message) => hooks.notify(message),
    assertWritable: () => hooks.assertWritable(),
    commit: (changes) => hooks.commit(changes),
    shardChanged: (articleId, file, ids) => {
      file.changed('soon', ids);
      hooks.shardChanged();
      countHighlights(ctx, articleId, file, ids);
    },
  };
  return ctx;
}

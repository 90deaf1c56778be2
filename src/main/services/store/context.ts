import { z } from 'zod';
import { GlossError } from '../../../shared/result';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import type { ChangeSet } from './change-set';
import type { LibraryFile, ShardFile } from './schemas';
import type { Shards } from './shards';
import type { StoredFile } from './stored-file';
import type { TagRegistry } from './tag-registry';
import type { AnnotationState, UndoHistory } from './undo';
import type { Notice } from '../../../shared/model/notice';

/** What the parts of one open store share: its files, in-memory records and bookkeeping. */
export interface StoreContext {
  /** Absolute path of the library's `.gloss` folder. */
  readonly glossDir: string;
  /** Absolute path of this computer's folder for the library's caches and backups (see libraryCacheDir). */
  readonly cacheDir: string;
  /** This device's folder inside `.gloss` (`devices/<deviceId>`): the only one this process writes records to. */
  readonly own: string;
  /** library.json: the article index, tag registry and settings. */
  readonly library: StoredFile<LibraryFile>;
  /** The article records of `library.data.articles`, by id (the same objects). */
  readonly articles: Map<string, ArticleMeta>;
  readonly shards: Shards;
  readonly tags: TagRegistry;
  readonly history: UndoHistory;
  /** After a shard changed: schedules its write (only the highlights `ids` when given) and recounts its highlights. */
  shardChanged(articleId: string, file: StoredFile<ShardFile>, ids?: string[]): void;
  /** Keeps a message for the user. */
  notify(said: Notice): void;
  /** @throws GlossError 'internal' once closed, 'locked' once the lock was lost. */
  assertWritable(): void;
  /**
   * Announces the changes of one operation once the files holding them are
   * written; resolves as soon as they are on disk (delivery follows).
   * @throws GlossError 'disk-full', 'io', 'locked' when they could not be written (they were rolled back).
   */
  commit(changes: ChangeSet): Promise<void>;
}

const uuid = z.uuid();

/** @throws GlossError 'invalid-argument' when `id` is not an article id (a UUID). */
export function checkId(id: string): string {
  if (!uuid.safeParse(id).success) {
    throw new GlossError('invalid-argument', `"${id.slice(0, 60)}" is not an article id.`);
  }
  return id;
}

/** The article's title in quotes, or its id, for messages. */
export function describeArticle(ctx: StoreContext, id: string): string {
  const title = ctx.articles.get(id)?.title;
  return title ? `“${title}”` : `article ${id}`;
}

/**
 * The article's record (the stored object); with `live`, a deleted article counts as missing.
 * @throws GlossError 'invalid-argument' for a bad id, 'not-found'.
 */
export function requireArticle(ctx: StoreContext, id: string, live: boolean): ArticleMeta {
  checkId(id);
  const meta = ctx.articles.get(id);
  if (!meta || (live && meta.deleted)) {
    throw new GlossError(
      'not-found',
      `There is no article with id ${id} in this library${meta ? ' (it was deleted)' : ''}.`,
    );
  }
  return meta;
}

/** What the last count of a shard's list of highlights found: the list's length then, and its live highlights. */
const counted = new WeakMap<readonly Annotation[], { length: number; live: number }>();

/**
 * The live highlights of a list. When `changed` (the highlights changed since the last count of this
 * list) are all among those added to it since, only the added ones are counted: the others are as
 * counted then. Anything else counts the whole list.
 */
function liveHighlights(list: readonly Annotation[], changed?: readonly string[]): number {
  const last = counted.get(list);
  let live: number | undefined;
  if (last && changed && last.length <= list.length) {
    const added = new Set<string>();
    live = last.live;
    for (let index = last.length; index < list.length; index++) {
      const annotation = list[index] as Annotation;
      added.add(annotation.id);
      if (!annotation.deleted) live++;
    }
    if (!changed.every((id) => added.has(id))) live = undefined;
  }
  if (live === undefined) {
    live = 0;
    for (const annotation of list) if (!annotation.deleted) live++;
  }
  counted.set(list, { length: list.length, live });
  return live;
}

/**
 * Keeps the article's highlight count (derived, written once quiet) equal to the live highlights in its
 * shard; `changed` names the highlights changed since the last count, when known (see liveHighlights).
 */
export function countHighlights(
  ctx: StoreContext,
  articleId: string,
  file: StoredFile<ShardFile>,
  changed?: readonly string[],
): void {
  const meta = ctx.articles.get(articleId);
  const count = liveHighlights(file.data.annotations, changed);
  if (!meta || meta.highlightCount === count) return;
  meta.highlightCount = count;
  ctx.library.changed('idle');
}

/** The current time, ISO 8601. */
export function now(): string {
  return new Date().toISOString();
}

/** A new updatedAt for a record: now, but always later than `previous`, so the newest version of a record is unambiguous. */
export function later(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

/** The fields of a highlight that undo restores. */
export function stateOf(annotation: Annotation): AnnotationState {
  return {
    color: annotation.color,
    note: annotation.note,
    tags: [...annotation.tags],
    deleted: annotation.deleted,
  };
}

/** A deep copy of JSON data (plain objects, arrays, strings, numbers, booleans, null): several times faster than structuredClone. */
function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  // A for-in over a plain object (no inherited enumerable keys) makes no [key, value] pair per field.
  for (const key in value) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** A copy of a highlight, safe to hand out. */
export function cloneAnnotation(annotation: Annotation): Annotation {
  return copyJson(annotation);
}

/** A copy of an article record, safe to hand out. */
export function cloneArticle(meta: ArticleMeta): ArticleMeta {
  return { ...meta, tags: [...meta.tags] };
}

/** Whether two tag lists are equal, order included. */
export function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/** The message of anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

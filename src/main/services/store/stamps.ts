import { tagKey } from '../../../shared/model/tag';
import type { Annotation } from '../../../shared/model/annotation';
import type { RecordsById } from './by-id';
import { legacyClock, type HybridClock } from './clock';
import type { LibraryFile, ShardFile, Stamp, SyncMeta } from './schemas';

/** Fields of a highlight merged one by one (its note is merged apart, see stampNote). */
export const ANNOTATION_SKIP: ReadonlySet<string> = new Set([
  'id',
  'articleId',
  'createdAt',
  'updatedAt',
  'note',
]);
/** Fields of an article record that are not merged: identity, derived counts and the per-computer reading position. */
export const ARTICLE_SKIP: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'progress',
  'highlightCount',
]);
const NOTHING_SKIPPED: ReadonlySet<string> = new Set();
/** Key of the article's own note in a shard's sync data. */
export const ARTICLE_NOTE = '#';

/** Files decoded without stamps whose stamps are filled in when first asked for (see deferStamps). */
const deferred = new WeakMap<object, () => SyncMeta>();

/**
 * Leaves the stamps of `file`, decoded without any (written before clocks), to be filled in by `fill`
 * from the file as it was read when they are first asked for (see metaOf): a change, a merge or a write
 * needs them, reading does not.
 */
export function deferStamps(file: { sync?: SyncMeta | undefined }, fill: () => SyncMeta): void {
  deferred.set(file, fill);
}

/** Fills in the stamps of `file` left for later by deferStamps, if any. */
export function fillDeferred(file: { sync?: SyncMeta | undefined }): void {
  const fill = deferred.get(file);
  if (!fill) return;
  deferred.delete(file);
  file.sync = fill();
}

/** The sync data of a file: its deferred stamps filled in (see deferStamps), created empty when missing. */
export function metaOf(file: { sync?: SyncMeta | undefined }): SyncMeta {
  fillDeferred(file);
  file.sync ??= { records: {}, notes: {}, gone: {} };
  return file.sync;
}

/** A short hash of a value's JSON (FNV-1a, two 32-bit lanes), to tell when a field changed. */
export function hashValue(value: unknown): string {
  const text = value === undefined ? '\u0000' : JSON.stringify(value);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(36) + '.' + (b >>> 0).toString(36);
}

/** The merged fields of a record: its own keys and those its stamps name, less `skip`. */
export function fieldsOf(
  record: object,
  stamps: Record<string, Stamp> | undefined,
  skip: ReadonlySet<string>,
): string[] {
  const fields = new Set(Object.keys(record));
  for (const field of Object.keys(stamps ?? {})) fields.add(field);
  return [...fields].filter((field) => !skip.has(field));
}

/**
 * Stamps the fields of `record` whose value changed since last stamped (all
 * of them for a new record) with one new clock reading, later than the
 * stamps it replaces.
 */
export function stampFields(
  meta: SyncMeta,
  key: string,
  record: object,
  skip: ReadonlySet<string>,
  clock: HybridClock,
): void {
  const stamps = (meta.records[key] ??= {});
  const changed: [string, string][] = [];
  for (const field of fieldsOf(record, stamps, skip)) {
    const hash = hashValue((record as Record<string, unknown>)[field]);
    const old = stamps[field];
    if (old?.[1] === hash) continue;
    if (old) clock.observe(old[0]);
    changed.push([field, hash]);
  }
  if (changed.length === 0) return;
  const reading = clock.now();
  for (const [field, hash] of changed) stamps[field] = [reading, hash];
}

/** Gives the fields of a record written before clocks (no stamp) their record's updatedAt as clock. */
export function fillFields(
  meta: SyncMeta,
  key: string,
  record: object & { updatedAt?: string },
  skip: ReadonlySet<string>,
): void {
  const stamps = (meta.records[key] ??= {});
  let clock: string | undefined;
  for (const field of fieldsOf(record, stamps, skip)) {
    if (stamps[field]) continue;
    clock ??= legacyClock(record.updatedAt ?? '1970-01-01T00:00:00.000Z');
    stamps[field] = [clock, hashValue((record as Record<string, unknown>)[field])];
  }
}

/**
 * A note whose text changed since last stamped becomes one new version that
 * supersedes every version this computer has seen (its version vector is
 * their join, with this device's entry a new reading).
 */
export function stampNote(
  meta: SyncMeta,
  key: string,
  text: string,
  clock: HybridClock,
  device: string,
): void {
  const state = meta.notes[key];
  const hash = hashValue(text);
  // An empty note never written has no version: a version made elsewhere then simply wins.
  if (state?.h === hash || (!state && text === '')) return;
  const vv: Record<string, string> = {};
  for (const head of state?.heads ?? []) {
    for (const [id, reading] of Object.entries(head.vv)) {
      if (!vv[id] || reading > vv[id]) vv[id] = reading;
      clock.observe(reading);
    }
  }
  vv[device] = clock.now();
  meta.notes[key] = { h: hash, heads: [{ vv }] };
}

/** Gives a note written before clocks one version dated by `updatedAt` (an empty one none, see stampNote). */
export function fillNote(meta: SyncMeta, key: string, text: string, updatedAt: string): void {
  if (text === '') return;
  meta.notes[key] ??= { h: hashValue(text), heads: [{ vv: { '': legacyClock(updatedAt) } }] };
}

/**
 * Stamps what changed in a shard: the highlights `keys` (every one for 'all') and, for 'all', the
 * article's note. `byId` finds the highlights `keys` without a scan of the shard.
 */
export function stampShard(
  data: ShardFile,
  keys: ReadonlySet<string> | 'all',
  clock: HybridClock,
  device: string,
  byId?: RecordsById<Annotation>,
): void {
  const meta = metaOf(data);
  const changed =
    keys === 'all'
      ? data.annotations
      : byId
        ? byId.find(data.annotations, keys)
        : data.annotations.filter((annotation) => keys.has(annotation.id));
  for (const annotation of changed) {
    stampFields(meta, annotation.id, annotation, ANNOTATION_SKIP, clock);
    stampNote(meta, annotation.id, annotation.note, clock, device);
  }
  if (keys === 'all') stampNote(meta, ARTICLE_NOTE, data.note, clock, device);
}

/** Stamps what changed in library.json: articles, tags (a removed tag gets a tombstone) and shared settings. */
export function stampLibrary(data: LibraryFile, clock: HybridClock): void {
  const meta = metaOf(data);
  for (const article of data.articles) stampFields(meta, `a:${article.id}`, article, ARTICLE_SKIP, clock);
  const live = new Set<string>();
  for (const tag of data.tags) {
    const key = `t:${tagKey(tag.name)}`;
    live.add(key);
    stampFields(meta, key, tag, NOTHING_SKIPPED, clock);
  }
  for (const key of Object.keys(meta.records)) {
    if (!key.startsWith('t:') || live.has(key)) continue;
    for (const [reading] of Object.values(meta.records[key] ?? {})) clock.observe(reading);
    meta.gone[key] = clock.now();
    delete meta.records[key];
  }
  stampFields(meta, 's', data.settings, NOTHING_SKIPPED, clock);
}

/** Stamps for a shard written before clocks (from each highlight's updatedAt). */
export function fillShard(data: ShardFile): void {
  const meta = metaOf(data);
  let latest = '1970-01-01T00:00:00.000Z';
  for (const annotation of data.annotations) {
    fillFields(meta, annotation.id, annotation, ANNOTATION_SKIP);
    fillNote(meta, annotation.id, annotation.note, annotation.updatedAt);
    if (annotation.updatedAt > latest) latest = annotation.updatedAt;
  }
  fillNote(meta, ARTICLE_NOTE, data.note, latest);
}

/** Stamps for a library.json written before clocks. */
export function fillLibrary(data: LibraryFile): void {
  const meta = metaOf(data);
  for (const article of data.articles) fillFields(meta, `a:${article.id}`, article, ARTICLE_SKIP);
  for (const tag of data.tags) fillFields(meta, `t:${tagKey(tag.name)}`, tag, NOTHING_SKIPPED);
  fillFields(meta, 's', data.settings, NOTHING_SKIPPED);
}

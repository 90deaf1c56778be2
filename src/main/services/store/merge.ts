import type { Annotation } from '../../../shared/model/annotation';
import { tagKey } from '../../../shared/model/tag';
import {
  ANNOTATION_SKIP,
  ARTICLE_NOTE,
  ARTICLE_SKIP,
  fillLibrary,
  fillShard,
  hashValue,
  metaOf,
} from './stamps';
import type { LibraryFile, PartialAnnotation, ShardFile, Stamp, SyncMeta } from './schemas';

/** The line between two versions of a note edited on two computers at once. */
export const NOTE_VERSIONS_SEPARATOR =
  '--- Gloss kept both versions of this note: it was edited on two computers at once. ---';

type NoteState = SyncMeta['notes'][string];
type Head = { vv: Record<string, string>; text: string };

const NOSKIP: ReadonlySet<string> = new Set();

/** Whether stamp `a` wins over `b`: the later clock, then the greater hash (so every computer picks the same). */
function wins(a: Stamp, b: Stamp): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/** Counts what a join changed on our side (0: our data stayed as it was). */
type Tally = { changed: number };

/**
 * Per-field last-writer-wins: each field of `ours` (changed in place) takes
 * the value of whichever side stamped it later (moved from `theirs` when
 * `move`, else copied); returns the joined stamps (`ourStamps` itself when
 * none was taken) and counts each field taken into `tally`.
 */
function joinFields(
  ours: Record<string, unknown>,
  ourStamps: Record<string, Stamp>,
  theirs: Record<string, unknown>,
  theirStamps: Record<string, Stamp>,
  skip: ReadonlySet<string>,
  tally: Tally,
  move = false,
): Record<string, Stamp> {
  // Only a stamped field can win; the stamps are copied once one does.
  let joined = ourStamps;
  for (const [field, other] of Object.entries(theirStamps)) {
    if (skip.has(field)) continue;
    const mine = ourStamps[field];
    if (mine && !wins(other, mine)) continue;
    if (joined === ourStamps) joined = { ...ourStamps };
    tally.changed++;
    joined[field] = other;
    if (theirs[field] === undefined) delete ours[field];
    else ours[field] = move ? theirs[field] : structuredClone(theirs[field]);
  }
  return joined;
}

const vvKey = (vv: Record<string, string>) =>
  Object.entries(vv)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, reading]) => `${id}=${reading}`)
    .join(',');

/** Whether version vector `a` is covered by `b` (b saw everything a saw). */
const covered = (a: Record<string, string>, b: Record<string, string>) =>
  Object.entries(a).every(([id, reading]) => (b[id] ?? '') >= reading);

const latest = (vv: Record<string, string>) => Object.values(vv).reduce((a, b) => (a > b ? a : b), '');

/** The text shown for a note's versions: the one text, or each distinct text in clock order with a separator between. */
export function noteText(texts: string[]): string {
  const distinct = [...new Set(texts.filter((text) => text.trim() !== ''))];
  return distinct.length <= 1 ? (distinct[0] ?? '') : distinct.join(`\n\n${NOTE_VERSIONS_SEPARATOR}\n\n`);
}

/**
 * Joins two states of one note: every version not superseded by a version
 * the other side saw is kept (a multi-value register), so two edits made
 * apart both survive; shown as one text (see noteText).
 */
export function joinNote(
  ours: NoteState,
  ourText: string,
  theirs: NoteState,
  theirText: string,
): { state: NoteState; text: string } {
  // Most often one side's single version saw every version of the other: it is the note.
  for (const [state, text, other] of [
    [theirs, theirText, ours],
    [ours, ourText, theirs],
  ] as const) {
    const head = state.heads.length === 1 ? state.heads[0] : undefined;
    if (head && other.heads.every((version) => covered(version.vv, head.vv))) {
      return {
        state: { h: head.text === undefined ? state.h : hashValue(head.text), heads: [{ vv: head.vv }] },
        text: head.text ?? text,
      };
    }
  }
  const all = new Map<string, Head>();
  for (const [state, text] of [
    [ours, ourText],
    [theirs, theirText],
  ] as const) {
    for (const head of state.heads) all.set(vvKey(head.vv), { vv: head.vv, text: head.text ?? text });
  }
  const heads = [...all.values()]
    .filter((head) => ![...all.values()].some((other) => other !== head && covered(head.vv, other.vv)))
    .sort((a, b) =>
      latest(a.vv) < latest(b.vv) ? -1 : latest(a.vv) > latest(b.vv) ? 1 : vvKey(a.vv) < vvKey(b.vv) ? -1 : 1,
    );
  const text = heads.length === 1 ? (heads[0]?.text ?? '') : noteText(heads.map((head) => head.text));
  return {
    state: { h: hashValue(text), heads: heads.length === 1 ? heads.map(({ vv }) => ({ vv })) : heads },
    text,
  };
}

/** How many versions a note has (two or more: edited apart, both kept). */
export function noteVersions(file: { sync?: SyncMeta | undefined }, key: string): number {
  return file.sync?.notes[key]?.heads.length ?? 1;
}

const sameVv = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((id) => a[id] === b[id]);
};

/** Whether two states of a note hold the same versions (heads in the same order, same version vectors and texts). */
const sameNote = (a: NoteState | undefined, b: NoteState) =>
  a !== undefined &&
  a.h === b.h &&
  a.heads.length === b.heads.length &&
  a.heads.every((head, index) => {
    const other = b.heads[index];
    return other !== undefined && head.text === other.text && sameVv(head.vv, other.vv);
  });

/**
 * A shard as another computer or process left it (`theirs`) joined with this
 * one's (`ours`, changed in place and returned): every highlight of either,
 * each field from the side that changed it last, deletions kept, and every
 * note version made apart kept (see joinNote). Order-independent: any order
 * of joins of the same files gives the same highlights. `theirs` is used up:
 * its records and values are moved into `ours`, not copied, so it must not
 * be used afterwards (pass a copy to keep it).
 */
export function mergeShard(ours: ShardFile, theirs: ShardFile): ShardFile {
  joinShard(ours, theirs);
  return ours;
}

/** A highlight's fields and note of `theirs` joined into `mine` (whole or partial; see joinShard). */
function joinRecord(
  mine: PartialAnnotation,
  meta: SyncMeta,
  record: PartialAnnotation,
  other: SyncMeta,
  tally: Tally,
): void {
  meta.records[record.id] = joinFields(
    mine as unknown as Record<string, unknown>,
    meta.records[record.id] ?? {},
    record as unknown as Record<string, unknown>,
    other.records[record.id] ?? {},
    ANNOTATION_SKIP,
    tally,
    true,
  );
  const ourNote = meta.notes[record.id];
  const theirNote = other.notes[record.id];
  if (theirNote && !ourNote) {
    meta.notes[record.id] = theirNote;
    mine.note = record.note ?? '';
    tally.changed++;
  } else if (ourNote && theirNote && !sameNote(ourNote, theirNote)) {
    const joined = joinNote(ourNote, mine.note ?? '', theirNote, record.note ?? '');
    if (!sameNote(ourNote, joined.state) || mine.note !== joined.text) tally.changed++;
    meta.notes[record.id] = joined.state;
    mine.note = joined.text;
  }
  if (record.updatedAt !== undefined && (mine.updatedAt === undefined || record.updatedAt > mine.updatedAt)) {
    mine.updatedAt = record.updatedAt;
    tally.changed++;
  }
}

/**
 * A whole highlight of theirs for which ours held only some fields (`part`):
 * the whole one, with the part's fields and note joined in, takes its place.
 */
function completePart(meta: SyncMeta, part: PartialAnnotation, record: Annotation, other: SyncMeta): void {
  const partStamps = meta.records[record.id] ?? {};
  const partNote = meta.notes[record.id];
  meta.records[record.id] = other.records[record.id] ?? {};
  const theirNote = other.notes[record.id];
  if (theirNote) meta.notes[record.id] = theirNote;
  else delete meta.notes[record.id];
  const from: SyncMeta = { records: { [record.id]: partStamps }, notes: {}, gone: {} };
  if (partNote) from.notes[record.id] = partNote;
  joinRecord(record, meta, part, from, { changed: 0 });
}

/**
 * Joins `theirs` into `ours` as mergeShard does (using `theirs` up); true when `ours` changed (false: it
 * already held all of theirs). `prepared`, for many joins into one shard (a journal's entries): `ours`
 * already has its stamps filled in (see fillShard) and these are its highlights by id, kept current here,
 * so a join costs what `theirs` holds. A highlight either side holds only some fields of (`parts`) is
 * joined onto the whole one once a side holds it, and kept apart until then.
 */
export function joinShard(ours: ShardFile, theirs: ShardFile, prepared?: Map<string, Annotation>): boolean {
  const tally: Tally = { changed: 0 };
  if (!prepared) fillShard(ours);
  fillShard(theirs);
  const meta = metaOf(ours);
  const other = metaOf(theirs);
  const byId = prepared ?? new Map(ours.annotations.map((annotation) => [annotation.id, annotation]));
  const parts = new Map((ours.parts ?? []).map((part) => [part.id, part]));
  const partsBefore = parts.size;
  for (const record of theirs.annotations) {
    const mine = byId.get(record.id);
    if (mine) {
      joinRecord(mine, meta, record, other, tally);
      continue;
    }
    const part = parts.get(record.id);
    if (part) {
      completePart(meta, part, record, other);
      parts.delete(record.id);
    } else {
      meta.records[record.id] = other.records[record.id] ?? {};
      const theirNote = other.notes[record.id];
      if (theirNote) meta.notes[record.id] = theirNote;
    }
    ours.annotations.push(record);
    byId.set(record.id, record);
    tally.changed++;
  }
  for (const record of theirs.parts ?? []) {
    const mine = byId.get(record.id) ?? parts.get(record.id);
    if (mine) {
      joinRecord(mine, meta, record, other, tally);
      continue;
    }
    parts.set(record.id, record);
    meta.records[record.id] = other.records[record.id] ?? {};
    const theirNote = other.notes[record.id];
    if (theirNote) meta.notes[record.id] = theirNote;
    tally.changed++;
  }
  if (parts.size > 0) ours.parts = [...parts.values()];
  else if (partsBefore > 0 || ours.parts) delete ours.parts;
  const ourNote = meta.notes[ARTICLE_NOTE];
  const theirNote = other.notes[ARTICLE_NOTE];
  if (theirNote && !ourNote) {
    meta.notes[ARTICLE_NOTE] = theirNote;
    ours.note = theirs.note;
    tally.changed++;
  } else if (ourNote && theirNote && !sameNote(ourNote, theirNote)) {
    const joined = joinNote(ourNote, ours.note, theirNote, theirs.note);
    if (!sameNote(ourNote, joined.state) || ours.note !== joined.text) tally.changed++;
    meta.notes[ARTICLE_NOTE] = joined.state;
    ours.note = joined.text;
  }
  return tally.changed > 0;
}

/**
 * library.json as another computer or process left it joined with this
 * one's (changed in place and returned): every article of either (each field
 * from the side that changed it last, tombstones included; the reading
 * position and counts stay this computer's), tags likewise (a tag removed
 * after its last change stays removed), and the shared settings.
 */
export function mergeLibrary(ours: LibraryFile, theirs: LibraryFile): LibraryFile {
  fillLibrary(ours);
  fillLibrary(theirs);
  const meta = metaOf(ours);
  const other = metaOf(theirs);
  const byId = new Map(ours.articles.map((article) => [article.id, article]));
  for (const record of theirs.articles) {
    const key = `a:${record.id}`;
    const mine = byId.get(record.id);
    if (!mine) {
      ours.articles.push(structuredClone(record));
      meta.records[key] = { ...other.records[key] };
      continue;
    }
    meta.records[key] = joinFields(
      mine as unknown as Record<string, unknown>,
      meta.records[key] ?? {},
      record as unknown as Record<string, unknown>,
      other.records[key] ?? {},
      ARTICLE_SKIP,
      { changed: 0 },
    );
    if (record.updatedAt > mine.updatedAt) mine.updatedAt = record.updatedAt;
  }
  joinTags(ours, meta, theirs, other);
  meta.records.s = joinFields(
    ours.settings as unknown as Record<string, unknown>,
    meta.records.s ?? {},
    theirs.settings as unknown as Record<string, unknown>,
    other.records.s ?? {},
    NOSKIP,
    { changed: 0 },
  );
  return ours;
}

function joinTags(ours: LibraryFile, meta: SyncMeta, theirs: LibraryFile, other: SyncMeta): void {
  for (const [key, reading] of Object.entries(other.gone)) {
    if (!meta.gone[key] || reading > meta.gone[key]) meta.gone[key] = reading;
  }
  const tags = new Map(ours.tags.map((tag) => [`t:${tagKey(tag.name)}`, tag]));
  for (const tag of theirs.tags) {
    const key = `t:${tagKey(tag.name)}`;
    const mine = tags.get(key);
    if (!mine) {
      tags.set(key, { ...tag });
      meta.records[key] = { ...other.records[key] };
      continue;
    }
    meta.records[key] = joinFields(mine, meta.records[key] ?? {}, tag, other.records[key] ?? {}, NOSKIP, {
      changed: 0,
    });
  }
  for (const [key, tag] of [...tags]) {
    const removed = meta.gone[key];
    const changed = Object.values(meta.records[key] ?? {}).reduce(
      (a, [reading]) => (a > reading ? a : reading),
      '',
    );
    if (removed !== undefined && removed >= changed) {
      tags.delete(key);
      delete meta.records[key];
    } else if (tag !== undefined) {
      tags.set(key, tag);
    }
  }
  ours.tags = [...tags.values()];
}

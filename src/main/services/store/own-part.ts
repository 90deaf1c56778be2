import { clockDevice } from './clock';
import type { PartialAnnotation, ShardFile, Stamp, SyncMeta } from './schemas';
import { ARTICLE_NOTE } from './stamps';

/**
 * Per other computer (device id), the latest reading of its own clock that
 * its own shard file (not its journal) holds, as last read: that file holds
 * every change that computer made up to it (a computer always writes its own
 * changes, and its clock only grows).
 */
export type Held = ReadonlyMap<string, string>;

/** The latest reading of `device`'s clock among the stamps and note versions of a shard ('' when none). */
export function heldReading(data: ShardFile, device: string): string {
  let latest = '';
  const mine = (reading: string) => reading.length === 19 + device.length && reading.endsWith(device);
  for (const stamps of Object.values(data.sync?.records ?? {})) {
    for (const [reading] of Object.values(stamps)) if (reading > latest && mine(reading)) latest = reading;
  }
  for (const note of Object.values(data.sync?.notes ?? {})) {
    for (const head of note.heads) {
      const reading = head.vv[device];
      if (reading !== undefined && reading > latest) latest = reading;
    }
  }
  return latest;
}

const latestOf = (vv: Record<string, string>) => Object.values(vv).reduce((a, b) => (a > b ? a : b), '');

/**
 * What this computer (`device`) writes of a shard it holds merged: every
 * highlight it made whole, and of each other one only the fields (and note)
 * it changed itself or merged from a computer whose own file does not hold
 * them yet (see Held); a highlight whose maker's file holds it is written as
 * a part (see partialAnnotationSchema), or not at all when nothing of it is
 * left. The maker is the computer of the record's earliest stamp. Changes of
 * data older than clocks (no device) are always kept.
 */
export function ownPart(data: ShardFile, device: string, held: Held): ShardFile {
  const meta = data.sync;
  if (!meta) return data;
  const isHeld = (reading: string): boolean => {
    const owner = clockDevice(reading);
    if (owner === device || owner === '') return false;
    const upTo = held.get(owner);
    return upTo !== undefined && reading <= upTo;
  };
  const noteKept = (key: string) =>
    meta.notes[key]?.heads.some((head) => !isHeld(latestOf(head.vv))) ?? false;
  const kept: SyncMeta = { records: {}, notes: {}, gone: meta.gone };
  const annotations: ShardFile['annotations'] = [];
  const parts: PartialAnnotation[] = [];

  const addPart = (record: PartialAnnotation, stamps: Record<string, Stamp>) => {
    const part: Record<string, unknown> = { id: record.id, articleId: data.articleId };
    if (record.updatedAt !== undefined) part.updatedAt = record.updatedAt;
    const keptStamps: Record<string, Stamp> = {};
    for (const [field, stamp] of Object.entries(stamps)) {
      if (isHeld(stamp[0])) continue;
      keptStamps[field] = stamp;
      part[field] = (record as Record<string, unknown>)[field];
    }
    const note = noteKept(record.id);
    if (note) {
      part.note = record.note ?? '';
      kept.notes[record.id] = meta.notes[record.id]!;
    }
    if (Object.keys(keptStamps).length === 0 && !note) return;
    kept.records[record.id] = keptStamps;
    parts.push(part as PartialAnnotation);
  };

  for (const record of data.annotations) {
    const stamps = meta.records[record.id] ?? {};
    let earliest: string | undefined;
    for (const [reading] of Object.values(stamps))
      if (earliest === undefined || reading < earliest) earliest = reading;
    if (earliest !== undefined && isHeld(earliest)) {
      addPart(record, stamps);
      continue;
    }
    annotations.push(record);
    kept.records[record.id] = stamps;
    const note = meta.notes[record.id];
    if (note) kept.notes[record.id] = note;
  }
  for (const part of data.parts ?? []) addPart(part, meta.records[part.id] ?? {});
  const articleNote = noteKept(ARTICLE_NOTE);
  if (articleNote) kept.notes[ARTICLE_NOTE] = meta.notes[ARTICLE_NOTE]!;
  return {
    schemaVersion: data.schemaVersion,
    articleId: data.articleId,
    note: articleNote ? data.note : '',
    annotations,
    ...(parts.length > 0 && { parts }),
    sync: kept,
  };
}

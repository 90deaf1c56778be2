import { tagKey } from '../../../shared/model/tag';
import type { LibraryFile, ShardFile } from './schemas';

/** Records merged by id: every id of either side, the version with the later `updatedAt` (ours on a tie); theirs first, in their order. */
function mergeRecords<R extends { id: string; updatedAt: string }>(ours: R[], theirs: R[]): R[] {
  const mine = new Map(ours.map((record) => [record.id, record]));
  const merged = theirs.map((record) => {
    const own = mine.get(record.id);
    if (!own) return record;
    mine.delete(record.id);
    return Date.parse(record.updatedAt) > Date.parse(own.updatedAt) ? record : own;
  });
  return [...merged, ...mine.values()];
}

/**
 * Two versions of a note without a common ancestor: equal or one empty, the
 * other; one containing the other, the longer; otherwise both, theirs first,
 * so neither text is lost.
 */
function mergeNote(ours: string, theirs: string): string {
  if (ours === theirs || theirs === '' || ours.includes(theirs)) return ours;
  if (ours === '' || theirs.includes(ours)) return theirs;
  return `${theirs}\n\n${ours}`;
}

/**
 * A shard as another process left it on disk (`theirs`) merged with this
 * process's version (`ours`): every highlight of either, the later version
 * of each, and both notes (see mergeNote).
 */
export function mergeShard(ours: ShardFile, theirs: ShardFile): ShardFile {
  return {
    ...ours,
    note: mergeNote(ours.note, theirs.note),
    annotations: mergeRecords(ours.annotations, theirs.annotations),
  };
}

/**
 * library.json as another process left it merged with this process's
 * version: every article of either (the later version of each, tombstones
 * included), every tag of either (ours where both have it), our settings.
 */
export function mergeLibrary(ours: LibraryFile, theirs: LibraryFile): LibraryFile {
  const tags = new Map(theirs.tags.map((tag) => [tagKey(tag.name), tag]));
  for (const tag of ours.tags) tags.set(tagKey(tag.name), tag);
  return {
    ...ours,
    articles: mergeRecords(ours.articles, theirs.articles),
    tags: [...tags.values()],
  };
}

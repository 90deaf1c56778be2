import { tagColorSchema } from '../../../shared/model/tag';
import { GlossError } from '../../../shared/result';
import type { Tag, TagInfo } from '../../../shared/model/tag';
import type { ChangeSet } from './change-set';
import { parseOrInvalid, type LibraryFile } from './schemas';
import type { StoredFile } from './stored-file';
import { tagKey } from '../../../shared/model/tag';
import { isValidTagName, normalizeTagName } from './tags';

/**
 * The tag registry in library.json: one entry per tag key (names equal
 * case-insensitively after trimming are one tag), with its spelling and colour.
 */
export class TagRegistry {
  constructor(private readonly library: StoredFile<LibraryFile>) {
    const unique = new Map<string, Tag>();
    for (const tag of library.data.tags) if (!unique.has(tagKey(tag.name))) unique.set(tagKey(tag.name), tag);
    library.data.tags = [...unique.values()];
  }

  /** The stored spelling of each name. @throws GlossError 'invalid-argument' for a bad name. */
  normalize(names: string[]): string[] {
    return names.map(normalizeTagName);
  }

  /** The entry for a tag key, if any. */
  find(key: string): Tag | undefined {
    return this.library.data.tags.find((tag) => tagKey(tag.name) === key);
  }

  /** The entry for a name (any case). @throws GlossError 'not-found'. */
  require(name: string): Tag {
    const tag = this.find(tagKey(name));
    if (!tag) throw new GlossError('not-found', `There is no tag named "${name.trim().slice(0, 100)}".`);
    return tag;
  }

  /** Maps names to the registry's spelling, registering unknown ones (noted in `changes`); drops duplicates. */
  resolve(names: string[], changes: ChangeSet): string[] {
    if (names.length === 0) return [];
    const registry = new Map(this.library.data.tags.map((tag) => [tagKey(tag.name), tag]));
    const resolved = new Map<string, string>();
    for (const name of names) {
      const key = tagKey(name);
      if (resolved.has(key)) continue;
      let tag = registry.get(key);
      if (!tag) {
        tag = { name: normalizeTagName(name), color: null };
        registry.set(key, tag);
        this.library.data.tags.push(tag);
        this.library.changed();
        changes.tagsChanged();
      }
      resolved.set(key, tag.name);
    }
    return [...resolved.values()];
  }

  /**
   * Registers a new tag.
   * @throws GlossError 'conflict' when a tag of that name (any case) exists, 'invalid-argument'.
   */
  create(name: string, color: string | null, changes: ChangeSet): Tag {
    const normalized = normalizeTagName(name);
    const existing = this.find(tagKey(normalized));
    if (existing) throw new GlossError('conflict', `A tag named “${existing.name}” already exists.`);
    const tag = { name: normalized, color: parseOrInvalid(tagColorSchema, color, 'tag colour') };
    this.set(tagKey(normalized), tag, changes);
    return { ...tag };
  }

  /** Changes a tag's colour (null for none). @throws GlossError 'not-found', 'invalid-argument'. */
  recolor(name: string, color: string | null, changes: ChangeSet): Tag {
    const tag = this.require(name);
    tag.color = parseOrInvalid(tagColorSchema, color, 'tag colour');
    this.library.changed();
    changes.tagsChanged();
    return { ...tag };
  }

  /** Replaces the entry for `key` with `tag` (null removes it). */
  set(key: string, tag: Tag | null, changes: ChangeSet): void {
    this.library.data.tags = this.library.data.tags.filter((other) => tagKey(other.name) !== key);
    if (tag) this.library.data.tags.push({ ...tag });
    this.library.changed();
    changes.tagsChanged();
  }

  /**
   * Every registered tag with how many of `uses` (tag lists of live
   * highlights and articles) carry it, sorted by name. Tags in use but not
   * registered (written into the files by other means) are registered first.
   */
  list(uses: Iterable<string[]>, changes: ChangeSet): TagInfo[] {
    const counts = new Map<string, { name: string; count: number }>();
    for (const names of uses) {
      for (const name of names) {
        const use = counts.get(tagKey(name)) ?? { name, count: 0 };
        use.count++;
        counts.set(tagKey(name), use);
      }
    }
    this.resolve([...counts.values()].map((use) => use.name).filter(isValidTagName), changes);
    return this.library.data.tags
      .map((tag) => ({ ...tag, count: counts.get(tagKey(tag.name))?.count ?? 0 }))
      .sort(
        (a, b) =>
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1),
      );
  }
}

import { readFile } from 'node:fs/promises';
import { mergeDocument, readDocument, toYaml } from '../../../shared/export/markers';
import { atomicWrite } from '../fs/atomic-write';

/** The front-matter property that marks an exported file whose article was deleted from the library. */
export const REMOVED_PROPERTY = 'gloss-removed';

/**
 * Marks an exported file as removed from the library: adds the front-matter
 * property `gloss-removed` with the date (ISO 8601), keeping every line of
 * the file otherwise, and never deletes it. A file already marked is left
 * as it is. Resolves to whether the file was changed.
 *
 * @throws GlossError('damaged') when its markers or front matter cannot be
 * read (nothing is written then); the fs error when it cannot be read or written.
 */
export async function markRemoved(file: string, when: Date): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const current = readDocument(text);
  if (current.frontMatter !== null && new RegExp(`^"?${REMOVED_PROPERTY}"?:`, 'm').test(current.frontMatter))
    return false;
  const marked = mergeDocument(text, {
    frontMatter: toYaml({ [REMOVED_PROPERTY]: when.toISOString() }),
    sections: current.sections,
  });
  await atomicWrite(file, marked, null);
  return true;
}

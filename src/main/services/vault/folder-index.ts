import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sectionIds } from '../../../shared/export/markers';
import { GlossError } from '../../../shared/result';

/**
 * The files of an export folder that hold exactly one article's section, by
 * article id (a combined file holding several is left alone: merging one
 * article into it would drop the others). A file that cannot be read is
 * skipped. The first file found wins when two hold the same article.
 *
 * @throws GlossError('io') when the folder is missing, is not a folder or
 * cannot be listed.
 */
export async function articleFiles(folder: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    names = await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'the folder is gone (moved, deleted, or on a disk that is not connected)'
        : code === 'ENOTDIR'
          ? 'it is not a folder'
          : error instanceof Error
            ? error.message
            : String(error);
    throw new GlossError('io', `Cannot read the export folder ${folder}: ${reason}.`);
  }
  const files = new Map<string, string>();
  for (const name of names.sort()) {
    if (!name.toLowerCase().endsWith('.md') || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    const ids = text === null ? [] : sectionIds(text);
    const [id] = ids;
    if (ids.length === 1 && id !== undefined && !files.has(id)) files.set(id, file);
  }
  return files;
}

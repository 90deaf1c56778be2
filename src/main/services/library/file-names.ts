import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { numberedName, safeFileStem } from '../../../shared/export/file-names';

/**
 * The name under which an imported file's copy is kept in `articles/`: its
 * stem made valid on every system (no `\`, `:` or other characters Windows
 * refuses, at most 120 bytes, so numbering never passes NAME_MAX), its
 * extension kept.
 */
export function copyFileName(original: string): string {
  const name = original.normalize('NFC');
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${safeFileStem(stem, 'article')}${extension}`;
}

/**
 * A name for `wanted` in `dir` that no file has yet: the name itself (NFC),
 * else "name (2).ext", "name (3).ext"...
 */
export async function uniqueFileName(dir: string, wanted: string): Promise<string> {
  const name = wanted.normalize('NFC');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : numberedName(name, n);
    const taken = await access(path.join(dir, candidate), constants.F_OK).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * A name for `wanted` in `dir` that no file has yet: the name itself (NFC),
 * else "name (2).ext", "name (3).ext"...
 */
export async function uniqueFileName(dir: string, wanted: string): Promise<string> {
  const name = wanted.normalize('NFC');
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    const taken = await access(path.join(dir, candidate), constants.F_OK).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

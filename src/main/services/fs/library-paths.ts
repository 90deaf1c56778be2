import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../shared/result';
import { refuseLinks } from './no-follow';

/**
 * Checks the form of a library-relative path (as stored in the library or
 * received over the API) and returns it with `/` separators. Both `/` and
 * `\` count as separators, whatever the platform, since a library travels
 * between machines. Pure: looks at the string only.
 *
 * @throws GlossError('invalid-argument') for an empty path.
 * @throws GlossError('forbidden') for a NUL byte, an absolute path (`/x`,
 *   `\x`, `C:x`, `\\server\share`) or any `..` segment.
 */
export function normalizeLibraryRelative(relative: string): string {
  if (relative.includes('\0')) {
    throw new GlossError('forbidden', 'A library path cannot contain a NUL character.');
  }
  if (/^[/\\]/.test(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new GlossError(
      'forbidden',
      `"${printable(relative)}" is an absolute path; Gloss only opens files inside the library.`,
    );
  }
  const segments = relative.split(/[/\\]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw new GlossError('forbidden', `"${printable(relative)}" points outside the library ("..").`);
  }
  if (segments.length === 0) {
    throw new GlossError('invalid-argument', 'The library path is empty: name a file inside the library.');
  }
  return segments.join('/');
}

/**
 * Resolves a library-relative path to an absolute one inside `libraryPath`
 * and refuses it when it, or any folder between the library and it, is a
 * symbolic link (see refuseLinks: the library folder is untrusted, so no
 * link is followed below it, even one that points inside). The library
 * folder itself may be reached through a link. Returns the absolute path
 * under `libraryPath` as given.
 *
 * A check made now cannot stop a symlink swapped in afterwards; callers
 * open the file right after resolving it, without following links.
 *
 * @throws GlossError as `normalizeLibraryRelative`, and 'forbidden' naming
 *   the link found.
 * @throws GlossError('io') when the library folder or the path cannot be
 *   examined (permissions, a file where a folder should be).
 */
export async function resolveInLibrary(libraryPath: string, relative: string): Promise<string> {
  const normalized = normalizeLibraryRelative(relative);
  const root = path.resolve(libraryPath);
  await realpath(root).catch((error: NodeJS.ErrnoException) => {
    throw new GlossError(
      'io',
      `The library folder ${root} cannot be opened (${error.code ?? error.message}).`,
    );
  });
  const target = path.join(root, ...normalized.split('/'));
  try {
    await refuseLinks(target, root);
  } catch (error) {
    if (error instanceof GlossError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new GlossError('io', `"${printable(relative)}" cannot be resolved (${code ?? String(error)}).`);
  }
  return target;
}

/** The path as it may be shown in a message: control characters escaped, at most 200 characters. */
function printable(relative: string): string {
  return JSON.stringify(relative.slice(0, 200)).slice(1, -1);
}

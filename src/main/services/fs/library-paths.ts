import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../shared/result';

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
 * Resolves a library-relative path to an absolute one inside `libraryPath`,
 * following symlinks: the real location of the path (or, for a path that
 * does not exist yet, of its nearest existing parent) must lie inside the
 * real location of the library. Returns the absolute path under
 * `libraryPath` as given (not the symlink-resolved one).
 *
 * A check made now cannot stop a symlink swapped in afterwards; callers
 * open the file right after resolving it.
 *
 * @throws GlossError as `normalizeLibraryRelative`, and 'forbidden' when a
 *   symlink leads outside the library.
 * @throws GlossError('io') when the library folder or the path cannot be resolved
 *   (permissions, a loop of links).
 */
export async function resolveInLibrary(libraryPath: string, relative: string): Promise<string> {
  const normalized = normalizeLibraryRelative(relative);
  const root = path.resolve(libraryPath);
  const realRoot = await realpath(root).catch((error: NodeJS.ErrnoException) => {
    throw new GlossError(
      'io',
      `The library folder ${root} cannot be opened (${error.code ?? error.message}).`,
    );
  });
  const target = path.join(root, ...normalized.split('/'));
  const real = await realpathOfNearest(target, relative);
  if (!isInside(realRoot, real)) {
    throw new GlossError(
      'forbidden',
      `"${printable(relative)}" leads outside the library through a symbolic link.`,
    );
  }
  return target;
}

/**
 * The real path of `target`, or of its nearest existing ancestor joined with
 * the missing rest. A dangling symlink on the way has no real path to check,
 * so it is refused rather than treated as missing.
 */
async function realpathOfNearest(target: string, relative: string): Promise<string> {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) {
        throw new GlossError('io', `"${printable(relative)}" cannot be resolved (${code ?? String(error)}).`);
      }
      const isLink = await lstat(current).then(
        (info) => info.isSymbolicLink(),
        () => false,
      );
      if (isLink) {
        throw new GlossError(
          'forbidden',
          `"${printable(relative)}" goes through a symbolic link to a missing place.`,
        );
      }
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** True when `file` is `root` itself or lies below it. */
function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel);
}

/** The path as it may be shown in a message: control characters escaped, at most 200 characters. */
function printable(relative: string): string {
  return JSON.stringify(relative.slice(0, 200)).slice(1, -1);
}

import path from 'node:path';

/**
 * The file of the built renderer that a URL path (still percent-encoded)
 * names, or null when it is not decodable, carries a NUL byte or would leave
 * `rendererDir` (`..`, encoded or not). `/` is index.html. Both hosts use it.
 */
export function rendererFile(rendererDir: string, urlPath: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + relative);
  return file.startsWith(root + path.sep) ? file : null;
}

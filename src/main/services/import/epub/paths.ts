/** A reference inside a book: the entry it names and the fragment after `#`, if any. */
export interface BookRef {
  path: string;
  fragment: string | null;
}

/**
 * Resolves `href` (as written in an OPF, nav or NCX document, percent-encoded)
 * against the entry `base` it appears in. Null for a reference that leaves the
 * book: a URL with a scheme (`http:`, `file:`…), a path from the root of a
 * disk, or one whose `..` climbs above the container.
 */
export function resolveHref(base: string, href: string): BookRef | null {
  const trimmed = href.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('\\'))
    return null;
  const hash = trimmed.indexOf('#');
  const rawPath = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const rawFragment = hash < 0 ? null : trimmed.slice(hash + 1);
  let decodedPath: string;
  let fragment: string | null;
  try {
    decodedPath = decodeURIComponent(rawPath);
    fragment = rawFragment === null || rawFragment === '' ? null : decodeURIComponent(rawFragment);
  } catch {
    return null;
  }
  if (decodedPath.includes('\\') || decodedPath.includes('\0')) return null;
  if (!decodedPath) return { path: base, fragment };
  const segments = base.split('/').slice(0, -1);
  for (const segment of decodedPath.split('/')) {
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return { path: segments.join('/'), fragment };
}

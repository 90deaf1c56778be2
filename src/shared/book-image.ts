/**
 * The stored name of one image of a book: the SHA-256 of its bytes in hex and its type. Nothing else is
 * ever served as a book image, so a name can never be a path.
 */
export const BOOK_IMAGE_NAME = /^[0-9a-f]{64}\.(?:png|jpg|gif|webp)$/;

/** The path prefix under which both hosts serve book images: `/book-image/<article id>/<name>`. */
export const BOOK_IMAGE_PREFIX = '/book-image/';

const ROUTE =
  /^\/book-image\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([0-9a-f]{64}\.(?:png|jpg|gif|webp))$/;

/** The media type of each stored image type. */
export const BOOK_IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** The path of one book image, `/book-image/<article id>/<name>` (no query, no origin). */
export function bookImagePath(articleId: string, name: string): string {
  return `${BOOK_IMAGE_PREFIX}${articleId}/${name}`;
}

/**
 * Reads a request path as a book image's article id (a lower-case UUID) and stored name, or null for
 * any other path: nothing that could name a file outside the book's own images passes.
 */
export function parseBookImagePath(pathname: string): { articleId: string; name: string } | null {
  const match = ROUTE.exec(pathname);
  return match ? { articleId: match[1]!, name: match[2]! } : null;
}

/**
 * In a block's HTML, the attribute that names a stored image (`<img data-image="<name>">`), set by the
 * importer only; the reader turns it into a `src` on its host's image route.
 */
export const IMAGE_REFERENCE = /<img data-image="([0-9a-f]{64}\.(?:png|jpg|gif|webp))"/g;

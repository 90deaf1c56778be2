import { SANITIZE_CONFIG } from '../../../../shared/sanitize-policy';

/**
 * The shared policy (src/shared/sanitize-policy.ts) with what a book's importer adds after rewriting a
 * chapter (see chapterPreparer): `<img>` holding only a stored image's name (`data-image`) and `alt`,
 * never a `src`, and the `data-target` marks of places links lead to. Nothing here can load or run. A
 * DOMPurify configuration: sanitizeChapter applies exactly this policy, and its tests check it against
 * DOMPurify.
 */
export const BOOK_POLICY = {
  ...SANITIZE_CONFIG,
  ALLOWED_TAGS: [...SANITIZE_CONFIG.ALLOWED_TAGS, 'img'],
  ALLOWED_ATTR: [...SANITIZE_CONFIG.ALLOWED_ATTR, 'alt', 'data-image', 'data-target'],
  ADD_URI_SAFE_ATTR: [...SANITIZE_CONFIG.ADD_URI_SAFE_ATTR, 'alt', 'data-image', 'data-target'],
};

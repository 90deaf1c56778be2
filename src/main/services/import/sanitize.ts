import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { SANITIZE_CONFIG } from '../../../shared/sanitize-policy';
import { domWindow } from './dom';

let purify: DOMPurify | null = null;

/** Makes the jsdom window and the sanitizer ahead of the first document (a few hundred ms). */
export function prepareSanitizer(): DOMPurify {
  purify ??= createDOMPurify(domWindow() as unknown as WindowLike);
  return purify;
}

/** Sanitizes untrusted HTML into a detached jsdom DocumentFragment with the shared policy (src/shared/sanitize-policy.ts). */
export function sanitizeToFragment(html: string): DocumentFragment {
  const fragment = prepareSanitizer().sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
  for (const child of Array.from(fragment.children)) {
    unwrapLinksWithoutHref(child);
    if (child.localName === 'a' && !child.hasAttribute('href'))
      child.replaceWith(...Array.from(child.childNodes));
  }
  return fragment;
}

/**
 * Replaces the links under `root` that have no href (an unsafe URL was removed) with their content, as
 * unwrapDeadLinks in the shared policy does, without a selector: jsdom's selector engine adds listeners
 * to the shared window for each document it queries, never removed, and through them keeps the document.
 */
function unwrapLinksWithoutHref(root: Element): void {
  for (const link of Array.from(root.getElementsByTagNameNS('*', 'a')))
    if (!link.hasAttribute('href')) link.replaceWith(...Array.from(link.childNodes));
}

/**
 * The shared policy with what a book's importer adds after rewriting a chapter (see prepareChapter):
 * `<img>` holding only a stored image's name (`data-image`) and `alt`, never a `src`, and the
 * `data-target` marks of places links lead to. Nothing here can load or run.
 */
const BOOK_CONFIG = {
  ...SANITIZE_CONFIG,
  ALLOWED_TAGS: [...SANITIZE_CONFIG.ALLOWED_TAGS, 'img'],
  ALLOWED_ATTR: [...SANITIZE_CONFIG.ALLOWED_ATTR, 'alt', 'data-image', 'data-target'],
  ADD_URI_SAFE_ATTR: [...SANITIZE_CONFIG.ADD_URI_SAFE_ATTR, 'alt', 'data-image', 'data-target'],
  IN_PLACE: true,
};

let bookPurify: DOMPurify | null = null;
/** The element preparer of the chapter being sanitized (see sanitizeBookInPlace); null between calls. */
let preparing: ((element: Element) => void) | null = null;

/**
 * Sanitizes a book chapter's body in place (one walk, no serializing) with the shared policy plus the
 * book's images and link targets (see BOOK_CONFIG). `prepare` sees each element kept before its
 * attributes are checked, so that it can rewrite them in the same walk. `root` must be an element of a
 * document made by the main process's jsdom window (parseHtml, or its DOMParser for XHTML).
 */
export function sanitizeBookInPlace(root: Element, prepare: (element: Element) => void): void {
  if (!bookPurify) {
    bookPurify = createDOMPurify(domWindow() as unknown as WindowLike);
    bookPurify.addHook('beforeSanitizeAttributes', (node) => {
      if (node.nodeType === 1) preparing?.(node as unknown as Element);
    });
  }
  preparing = prepare;
  try {
    bookPurify.sanitize(root, BOOK_CONFIG);
  } finally {
    preparing = null;
  }
  unwrapLinksWithoutHref(root);
}

/**
 * Sanitizes untrusted HTML (an imported article, a note rendered from
 * Markdown) into HTML that is safe to insert in the reader; see
 * `sanitizeToFragment` for what survives. Loads nothing and runs nothing.
 */
export function sanitizeHtml(html: string): string {
  const container = domWindow().document.createElement('div');
  container.append(sanitizeToFragment(html));
  return container.innerHTML;
}

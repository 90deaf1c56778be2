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
 * Sanitizes untrusted HTML (an imported article, a note rendered from
 * Markdown) into HTML that is safe to insert in the reader; see
 * `sanitizeToFragment` for what survives. Loads nothing and runs nothing.
 */
export function sanitizeHtml(html: string): string {
  const container = domWindow().document.createElement('div');
  container.append(sanitizeToFragment(html));
  return container.innerHTML;
}

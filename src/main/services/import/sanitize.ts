import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { SANITIZE_CONFIG, unwrapDeadLinks } from '../../../shared/sanitize-policy';
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
  unwrapDeadLinks(fragment);
  return fragment;
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

import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { domWindow } from './dom';

/** `body` is the root DOMPurify walks: without it, every child is moved up into <html>, which is slow in jsdom. */
const ALLOWED_TAGS = [
  'body p br hr h1 h2 h3 h4 h5 h6 blockquote pre div section article header footer aside main address',
  'figure figcaption details summary ul ol li dl dt dd table caption thead tbody tfoot tr th td',
  'a em strong b i u s del ins mark small sub sup code kbd samp var abbr cite dfn q time span',
  'bdi bdo wbr ruby rt rp',
]
  .join(' ')
  .split(' ');
/** Attributes that are never URLs; DOMPurify checks all others against ALLOWED_LINK. */
const PLAIN_ATTR = ['title', 'lang', 'dir', 'colspan', 'rowspan', 'start', 'datetime'];
const ALLOWED_ATTR = ['href', ...PLAIN_ATTR];
/** Elements whose content goes with them: form controls, plugin fallbacks, canvas. */
const FORBIDDEN_CONTENT = ['button', 'select', 'option', 'textarea', 'datalist', 'object', 'embed', 'canvas'];
/** Links may only point to the web or to a place in the same document. */
const ALLOWED_LINK = /^(?:https?:|#)/i;

let purify: DOMPurify | null = null;

/**
 * Sanitizes untrusted HTML into a detached jsdom DocumentFragment, keeping text structure and inline formatting only: no scripts, event
 * handlers, styles, frames, objects, forms, images or other media, no
 * base/meta/link, no SVG or MathML, no class, id or data attributes.
 * Links keep an http(s) or #fragment href; other links become their text.
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  purify ??= createDOMPurify(domWindow() as unknown as WindowLike);
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: ALLOWED_LINK,
    ADD_URI_SAFE_ATTR: PLAIN_ATTR,
    ADD_FORBID_CONTENTS: FORBIDDEN_CONTENT,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const link of Array.from(fragment.querySelectorAll('a:not([href])')))
    link.replaceWith(...link.childNodes);
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

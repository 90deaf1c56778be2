/**
 * The one allow-list for untrusted HTML (imported articles in main, Markdown
 * notes in the renderer), as a DOMPurify configuration: text structure and
 * inline formatting only; no scripts, event handlers, styles, frames,
 * objects, forms, images or other media, no base/meta/link, no SVG or MathML,
 * no class, id or data attributes; links only to http(s) or a #fragment.
 */

/** `body` is the root DOMPurify walks: without it, every child is moved up into <html>, which is slow in jsdom. */
const ALLOWED_TAGS = [
  'body p br hr h1 h2 h3 h4 h5 h6 blockquote pre div section article header footer aside main address',
  'figure figcaption details summary ul ol li dl dt dd table caption thead tbody tfoot tr th td',
  'a em strong b i u s del ins mark small sub sup code kbd samp var abbr cite dfn q time span',
  'bdi bdo wbr ruby rt rp',
]
  .join(' ')
  .split(' ');
/** Attributes that are never URLs; DOMPurify checks all others against ALLOWED_URI_REGEXP. */
const PLAIN_ATTR = ['title', 'lang', 'dir', 'colspan', 'rowspan', 'start', 'value', 'datetime'];

/** DOMPurify options shared by every sanitizer in Gloss. */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', ...PLAIN_ATTR],
  /** Links may only point to the web or to a place in the same document. */
  ALLOWED_URI_REGEXP: /^(?:https?:|#)/i,
  ADD_URI_SAFE_ATTR: PLAIN_ATTR,
  /** Elements whose content goes with them: form controls, plugin fallbacks, canvas. */
  ADD_FORBID_CONTENTS: ['button', 'select', 'option', 'textarea', 'datalist', 'object', 'embed', 'canvas'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** The little of a DOM node unwrapDeadLinks needs; browser and jsdom nodes alike have it. */
interface DomNode {
  childNodes: Iterable<DomNode>;
  replaceWith(...nodes: DomNode[]): void;
}

/** Replaces links that lost their href (an unsafe URL) with their text; `root` is a DOM ParentNode. */
export function unwrapDeadLinks(root: { querySelectorAll(selectors: string): Iterable<DomNode> }): void {
  for (const link of Array.from(root.querySelectorAll('a:not([href])'))) link.replaceWith(...link.childNodes);
}

import { BOOK_POLICY } from './book-policy';

/*
 * The book policy applied in one walk over a chapter's parsed tree, as DOMPurify 3 applies it in place
 * (its checks in its order), without its four extra walks over the tree: a pre-pass, two collections of
 * every node and a search for nodes a hook moved (hooks here move nothing). What DOMPurify's defaults add
 * to the policy is written out below; sanitize-chapter.test.ts runs both over the same documents. Two
 * differences, both stricter: the markup-in-text check below always applies (DOMPurify's regular
 * expression keeps its lastIndex from one test to the next, so it can miss an element), and a body
 * DOMPurify refuses with an exception is emptied.
 */

const XHTML = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

const ALLOWED_TAGS = new Set(BOOK_POLICY.ALLOWED_TAGS);
const ALLOWED_ATTR = new Set(BOOK_POLICY.ALLOWED_ATTR);
/** Attributes never read as URLs: DOMPurify's defaults and the policy's own. */
const URI_SAFE_ATTR = new Set([
  ...'alt class for id label name pattern placeholder role summary title value style xmlns'.split(' '),
  ...BOOK_POLICY.ADD_URI_SAFE_ATTR,
]);
/** Removed elements whose content goes with them: DOMPurify's defaults and the policy's own. */
const FORBID_CONTENTS = new Set([
  ...(
    'annotation-xml audio colgroup desc foreignobject head iframe math mi mn mo ms mtext noembed noframes ' +
    'noscript plaintext script selectedcontent style svg template thead title video xmp'
  ).split(' '),
  ...BOOK_POLICY.ADD_FORBID_CONTENTS,
]);
/** Elements whose URL attributes may hold a `data:` URL (DOMPurify's default). */
const DATA_URI_TAGS = new Set(['audio', 'video', 'img', 'source', 'image', 'track']);
/** Markup in text: an element holding only text and comments whose text reads as markup is dropped (mXSS). */
const MARKUP = /<[/\w!]/;
/** A comment holding markup (removed before the walk by DOMPurify, so never counted as a comment below). */
const COMMENT_MARKUP = /<[/\w]/;
/** Attribute values that could close a comment, CDATA or raw-text element if the markup were re-parsed. */
const VALUE_BREAKOUT = /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;
// eslint-disable-next-line no-control-regex -- control characters are what it removes, as DOMPurify does
const URL_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
const ALLOWED_URI = BOOK_POLICY.ALLOWED_URI_REGEXP;

/**
 * Sanitizes a chapter's `<body>` in place with the book policy (BOOK_POLICY), in one walk: comments,
 * processing instructions and CDATA sections go; an element whose name is not allowed goes with its
 * content when that content is forbidden (scripts, styles, SVG, MathML, frames, media, form controls…),
 * else its content takes its place; an allowed name outside the XHTML namespace goes with its content;
 * attributes not allowed, or holding a URL other than http(s) or a #fragment, go (an `is` attribute
 * stays, emptied). `prepare` sees each element kept, before its attributes are checked, so that it can
 * rewrite them in the same walk. Then links left without an href are replaced by their content, and
 * images without a stored name (`data-image`) removed, the others holding `data-image` then `alt`.
 * A body that is not an XHTML `<body>` (or holds only text reading as markup) loses all its content and
 * attributes: DOMPurify refuses it with an exception.
 */
export function sanitizeChapter(body: Element, prepare: Preparer): void {
  const parent = body.parentNode;
  const parentIsXhtml = parent?.nodeType !== ELEMENT_NODE || (parent as Element).namespaceURI === XHTML;
  if (
    body.nodeName.toLowerCase() !== 'body' ||
    body.namespaceURI !== XHTML ||
    !parentIsXhtml ||
    isMarkupLeaf(body)
  ) {
    body.replaceChildren();
    for (const name of body.getAttributeNames()) body.removeAttribute(name);
    return;
  }
  prepare(body);
  sanitizeAttributes(body, 'body');
  sanitizeChildren(body, prepare);
}

type Preparer = (element: Element) => void;

function sanitizeChildren(parent: Element, prepare: Preparer): void {
  let child = parent.firstChild;
  while (child) child = sanitizeNode(child, prepare);
}

/** Sanitizes `node`; returns the node to visit next (the content that took its place first). */
function sanitizeNode(node: ChildNode, prepare: Preparer): ChildNode | null {
  const next = node.nextSibling;
  if (node.nodeType === TEXT_NODE) return next;
  if (node.nodeType !== ELEMENT_NODE) {
    node.remove();
    return next;
  }
  const element = node as Element;
  const tag = element.nodeName.toLowerCase();
  if (isMarkupLeaf(element)) {
    element.remove();
    return next;
  }
  if (!ALLOWED_TAGS.has(tag)) {
    const first = FORBID_CONTENTS.has(tag) ? null : element.firstChild;
    if (first) element.replaceWith(...Array.from(element.childNodes));
    else element.remove();
    return first ?? next;
  }
  if (element.namespaceURI !== XHTML) {
    element.remove();
    return next;
  }
  prepare(element);
  sanitizeAttributes(element, tag);
  sanitizeChildren(element, prepare);
  const local = element.localName;
  if (local === 'a' && !element.hasAttribute('href')) element.replaceWith(...Array.from(element.childNodes));
  else if (local === 'img') settleImage(element);
  return next;
}

/**
 * True for an element holding only text and comments (at least one comment without markup) whose text
 * reads as markup: `<p>&lt;img src=x onerror=…&gt;<!---->` would become an image if re-parsed.
 */
function isMarkupLeaf(element: Element): boolean {
  let comment = false;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) return false;
    if (child.nodeType === COMMENT_NODE && !COMMENT_MARKUP.test((child as Comment).data)) comment = true;
  }
  return comment && MARKUP.test(element.textContent ?? '');
}

/** Checks each attribute of an element kept (`tag` its lower-case name), last first as DOMPurify does. */
function sanitizeAttributes(element: Element, tag: string): void {
  if (!element.hasAttributes()) return;
  const attributes = element.attributes;
  for (let index = attributes.length - 1; index >= 0; index--) {
    const attribute = attributes[index]!;
    const { name, namespaceURI, value: written } = attribute;
    const value = name === 'value' ? written : written.trim();
    if (!isAllowedAttribute(tag, name.toLowerCase(), value)) {
      element.removeAttributeNode(attribute);
      // DOMPurify empties an `is` attribute rather than removing it.
      if (name === 'is') element.setAttribute(name, '');
    } else if (value !== written) {
      if (namespaceURI) element.setAttributeNS(namespaceURI, name, value);
      else element.setAttribute(name, value);
    }
  }
}

function isAllowedAttribute(tag: string, name: string, value: string): boolean {
  if (VALUE_BREAKOUT.test(value) || !ALLOWED_ATTR.has(name)) return false;
  if (URI_SAFE_ATTR.has(name) || ALLOWED_URI.test(value.replace(URL_WHITESPACE, ''))) return true;
  if (name === 'href' && value.startsWith('data:') && DATA_URI_TAGS.has(tag)) return true;
  return !value;
}

/** Removes an image without a stored name; gives the others exactly `data-image` then `alt`. */
function settleImage(img: Element): void {
  const name = img.getAttribute('data-image');
  if (!name) {
    img.remove();
    return;
  }
  const alt = img.getAttribute('alt') ?? '';
  for (const attribute of img.getAttributeNames()) img.removeAttribute(attribute);
  img.setAttribute('data-image', name);
  img.setAttribute('alt', alt);
}

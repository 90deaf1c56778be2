import { resolveHref } from './paths';
import { elements } from './package';

const XHTML = 'http://www.w3.org/1999/xhtml';
const XLINK = 'http://www.w3.org/1999/xlink';
const EPUB_OPS = 'http://www.idpf.org/2007/ops';

/** What a chapter's links and images are resolved against, for the whole book. */
export interface BookPlaces {
  /** The spine's documents: links to them become jumps inside the book. */
  spine: Set<string>;
  /** Image entries of the book → their stored names (see nameImages). */
  images: Map<string, string>;
  /** Places links lead to, "path" or "path#fragment", numbered in the order first met. */
  targets: Map<string, number>;
}

/** The href an internal link gets until its target's offset is known: `#gloss-<link|note>-<key>`. */
export const PLACEHOLDER = /<a href="#gloss-(link|note)-(\d+)"/g;

const isNoteRef = (link: Element): boolean =>
  /\bnoteref\b/.test(link.getAttributeNS(EPUB_OPS, 'type') ?? link.getAttribute('epub:type') ?? '') ||
  link.getAttribute('role') === 'doc-noteref';

function clearAttributes(element: Element): void {
  for (const name of element.getAttributeNames()) element.removeAttribute(name);
}

/**
 * Prepares one chapter's body (a copy: it is changed in place) for the sanitizer:
 * - every element with an id (or an `<a name>`, whose mark goes on its parent, since an anchor without
 *   href is unwrapped) gets `data-target` = that id, so blocksFromHtml can say where it lands;
 * - a link to a document of the spine or a place in one becomes `<a href="#gloss-link-N">` (a footnote
 *   reference, `epub:type="noteref"` or `role="doc-noteref"`, `#gloss-note-N`), N its target's number in
 *   `book.targets`; web links stay; any other link loses its href (the sanitizer keeps its text);
 * - an image of the book becomes `<img data-image="<stored name>" alt="…">`, an SVG wrapping one image
 *   (a cover) too; images out of the book or not raster are removed.
 * Attributes the book itself wrote as `data-target` or `data-image` are dropped first.
 */
export function prepareChapter(body: Element, path: string, book: BookPlaces): void {
  for (const forged of Array.from(body.querySelectorAll('[data-target], [data-image]'))) {
    forged.removeAttribute('data-target');
    forged.removeAttribute('data-image');
  }
  for (const element of Array.from(body.querySelectorAll('[id]'))) {
    const id = element.getAttribute('id')!;
    const holder =
      element.localName === 'a' && !element.hasAttribute('href') ? element.parentElement : element;
    if (holder && !holder.hasAttribute('data-target')) holder.setAttribute('data-target', id);
  }
  for (const anchor of elements(body, 'a')) {
    const name = anchor.getAttribute('name');
    const parent = anchor.parentElement;
    if (name && !anchor.hasAttribute('href') && parent && !parent.hasAttribute('data-target'))
      parent.setAttribute('data-target', name);
  }
  for (const link of elements(body, 'a')) rewriteLink(link, path, book);
  for (const image of elements(body, 'image')) {
    const href = image.getAttributeNS(XLINK, 'href') ?? image.getAttribute('href') ?? '';
    const svg = image.closest('svg');
    const name = imageName(href, path, book);
    if (!svg || !name) continue;
    const img = body.ownerDocument.createElementNS(XHTML, 'img');
    img.setAttribute('data-image', name);
    img.setAttribute('alt', svg.querySelector('title')?.textContent?.trim() ?? '');
    svg.replaceWith(img);
  }
  for (const img of elements(body, 'img')) {
    const name = imageName(img.getAttribute('src') ?? '', path, book);
    if (!name) {
      img.remove();
      continue;
    }
    const alt = img.getAttribute('alt') ?? '';
    clearAttributes(img);
    img.setAttribute('data-image', name);
    img.setAttribute('alt', alt);
  }
}

function imageName(src: string, path: string, book: BookPlaces): string | null {
  const ref = resolveHref(path, src);
  return (ref && book.images.get(ref.path)) ?? null;
}

function rewriteLink(link: Element, path: string, book: BookPlaces): void {
  const href = link.getAttribute('href');
  if (href === null || /^https?:/i.test(href.trim())) return;
  const ref = resolveHref(path, href);
  if (!ref || !book.spine.has(ref.path)) {
    link.removeAttribute('href');
    return;
  }
  const key = ref.fragment ? `${ref.path}#${ref.fragment}` : ref.path;
  let index = book.targets.get(key);
  if (index === undefined) {
    index = book.targets.size;
    book.targets.set(key, index);
  }
  const kind = isNoteRef(link) ? 'note' : 'link';
  clearAttributes(link);
  link.setAttribute('href', `#gloss-${kind}-${index}`);
}

/**
 * After sanitizing: each `<img>` left holds exactly `data-image` (a stored name) then `alt`, in that
 * order, so the reader can find it (IMAGE_REFERENCE); `data-image` anywhere else is dropped.
 */
export function settleImages(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('[data-image]'))) {
    if (element.localName !== 'img') element.removeAttribute('data-image');
  }
  for (const img of elements(root, 'img')) {
    const name = img.getAttribute('data-image');
    if (!name) {
      img.remove();
      continue;
    }
    const alt = img.getAttribute('alt') ?? '';
    clearAttributes(img);
    img.setAttribute('data-image', name);
    img.setAttribute('alt', alt);
  }
}

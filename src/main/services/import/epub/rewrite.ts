import { resolveHref } from './paths';

const XHTML = 'http://www.w3.org/1999/xhtml';
const XLINK = 'http://www.w3.org/1999/xlink';
const EPUB_OPS = 'http://www.idpf.org/2007/ops';
const SVG = 'http://www.w3.org/2000/svg';

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
 * Removes what the chapter hides (`hidden`), and swaps each SVG that shows one of the book's images (a cover page's `<svg><image href>`) for that image
 * as `<img data-image alt>`, before sanitizing (which drops SVG).
 */
export function prepareBody(body: Element, path: string, book: BookPlaces): void {
  const svgImages: Element[] = [];
  // What the book hides (pandoc's landmarks, say) is not read either.
  removeHidden(body, svgImages);
  for (const image of svgImages) {
    const href = image.getAttributeNS(XLINK, 'href') ?? image.getAttribute('href') ?? '';
    const svg = nearestSvg(image);
    const name = imageName(href, path, book);
    if (!svg || !name) continue;
    const img = body.ownerDocument.createElementNS(XHTML, 'img');
    img.setAttribute('data-image', name);
    img.setAttribute('alt', svg.getElementsByTagNameNS('*', 'title')[0]?.textContent?.trim() ?? '');
    svg.replaceWith(img);
  }
}

/**
 * Removes every element under `root` that has the `hidden` attribute, and gathers the SVG images left, in
 * document order, into `svgImages`. A tree walk, not a selector: the DOM library's selector engine adds
 * listeners to the shared window for each document it queries, never removed, which a book of 300
 * chapters turns into seconds of import and a leak.
 */
function removeHidden(root: Element, svgImages: Element[]): void {
  let child = root.firstElementChild;
  while (child) {
    const next = child.nextElementSibling;
    // Most elements have no attributes: not asked for one by name.
    if (child.hasAttributes() && child.hasAttribute('hidden')) child.remove();
    else {
      if (child.localName === 'image' && child.namespaceURI === SVG) svgImages.push(child);
      removeHidden(child, svgImages);
    }
    child = next;
  }
}

/** The nearest `<svg>` holding `element` (as `closest('svg')`), or null. */
function nearestSvg(element: Element): Element | null {
  for (let at = element.parentElement; at; at = at.parentElement) if (at.localName === 'svg') return at;
  return null;
}

/**
 * What the sanitizer does to each element of one chapter before reading its attributes (see
 * sanitizeChapter), so that the chapter is walked once:
 * - an element with an id marks itself as a place links lead to (`data-target`, ids separated by spaces),
 *   or, inline, the nearest block element holding it (as does an `<a name>`);
 * - a link to a document of the spine or a place in one becomes `<a href="#gloss-link-N">` (a footnote
 *   reference, `epub:type="noteref"` or `role="doc-noteref"`, `#gloss-note-N`), N its target's number in
 *   `book.targets`; web links stay; any other link loses its href (the sanitizer keeps its text);
 * - an image of the book becomes `<img data-image="<stored name>" alt="…">`; any other image loses its
 *   attributes (sanitizeChapter then removes it).
 * Attributes the book itself wrote as `data-target` or `data-image` are dropped first.
 */
export function chapterPreparer(
  path: string,
  book: BookPlaces,
  isBlock: (name: string) => boolean,
): (element: Element) => void {
  const storedNames = new Set(book.images.values());
  const markTarget = (element: Element, id: string): void => {
    let holder: Element | null = element;
    while (holder && !isBlock(holder.localName)) holder = holder.parentElement;
    if (!holder) return;
    const marks = holder.getAttribute('data-target');
    holder.setAttribute('data-target', marks ? `${marks} ${id}` : id);
  };
  return (element: Element): void => {
    // Most elements have no attributes, and so nothing to mark or rewrite.
    if (!element.hasAttributes()) return;
    if (element.hasAttribute('data-image') && element.localName !== 'img')
      element.removeAttribute('data-image');
    if (element.hasAttribute('data-target')) element.removeAttribute('data-target');
    const id = element.getAttribute('id');
    if (id && !/\s/.test(id)) markTarget(element, id);
    const name = element.localName;
    if (name === 'a') {
      const anchor = element.getAttribute('name');
      if (anchor && !element.hasAttribute('href') && !/\s/.test(anchor)) markTarget(element, anchor);
      rewriteLink(element, path, book);
    } else if (name === 'img') {
      const stored = element.getAttribute('data-image');
      // An SVG image swapped in by prepareBody already holds its name.
      const found =
        stored !== null && storedNames.has(stored)
          ? stored
          : imageName(element.getAttribute('src') ?? '', path, book);
      const alt = element.getAttribute('alt') ?? '';
      clearAttributes(element);
      if (found) {
        element.setAttribute('data-image', found);
        element.setAttribute('alt', alt);
      }
    }
  };
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

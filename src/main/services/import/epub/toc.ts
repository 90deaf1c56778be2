import { elements } from './package';
import { resolveHref } from './paths';

/** One entry of a book's table of contents: where it leads, its label and its depth (1 for the top). */
export interface TocEntry {
  label: string;
  path: string;
  fragment: string | null;
  level: number;
}

const label = (element: Element | null | undefined): string =>
  element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Entries deeper than this are read as this deep: a table of contents is not meant to nest further. */
const MAX_LEVEL = 6;

/**
 * The table of contents of an EPUB 3 navigation document (the `nav` whose
 * epub:type is `toc`, else the first `nav`), in order. `navPath` is the
 * document's entry name; links leaving the book and entries without a link are
 * left out (their children are kept).
 */
export function tocFromNav(document: Document, navPath: string): TocEntry[] {
  const navs = elements(document, 'nav');
  const toc =
    navs.find((nav) =>
      (nav.getAttributeNS('http://www.idpf.org/2007/ops', 'type') ?? nav.getAttribute('epub:type') ?? '')
        .split(/\s+/)
        .includes('toc'),
    ) ?? navs[0];
  const entries: TocEntry[] = [];
  const list = toc ? childElements(toc).find((child) => child.localName === 'ol') : undefined;
  if (list) walkList(list, 1, navPath, entries);
  return entries;
}

function childElements(element: Element): Element[] {
  return Array.from(element.children);
}

function walkList(list: Element, level: number, navPath: string, entries: TocEntry[]): void {
  for (const item of childElements(list)) {
    if (item.localName !== 'li') continue;
    const children = childElements(item);
    const link = children.find((child) => child.localName === 'a');
    const ref = link ? resolveHref(navPath, link.getAttribute('href') ?? '') : null;
    const text = label(link);
    if (ref && text) entries.push({ label: text, ...ref, level: Math.min(level, MAX_LEVEL) });
    const nested = children.find((child) => child.localName === 'ol');
    if (nested) walkList(nested, level + 1, navPath, entries);
  }
}

/**
 * The table of contents of an EPUB 2 NCX document (its navMap), in order.
 * `ncxPath` is the document's entry name; points leaving the book are left out.
 */
export function tocFromNcx(document: Document, ncxPath: string): TocEntry[] {
  const entries: TocEntry[] = [];
  const walk = (parent: Element, level: number): void => {
    for (const point of childElements(parent)) {
      if (point.localName !== 'navPoint') continue;
      const children = childElements(point);
      const text = label(
        children.find((child) => child.localName === 'navLabel')?.getElementsByTagNameNS('*', 'text')[0],
      );
      const content = children.find((child) => child.localName === 'content');
      const ref = content ? resolveHref(ncxPath, content.getAttribute('src') ?? '') : null;
      if (ref && text) entries.push({ label: text, ...ref, level: Math.min(level, MAX_LEVEL) });
      walk(point, level + 1);
    }
  };
  const navMap = elements(document, 'navMap')[0];
  if (navMap) walk(navMap, 1);
  return entries;
}

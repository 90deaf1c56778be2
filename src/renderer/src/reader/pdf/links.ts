import type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
import { resolveDestination, type PdfPlace } from '../../../../shared/pdf/destination';

/** A link area of a drawn page, in CSS pixels from the page's top left, and where it leads. */
export interface PageLink {
  left: number;
  top: number;
  width: number;
  height: number;
  to: { place: PdfPlace } | { url: string };
}

/** Most link areas drawn on one page; a page with more is junk or hostile. */
const MAX_LINKS = 500;

/**
 * The link annotations of a page that lead somewhere Gloss may go: a destination inside the document
 * (resolved to its page and view top) or an http(s) address (to be opened in the system browser).
 * Every other action (JavaScript, Launch, another file, a form submission) is left out. Never throws:
 * a page whose annotations cannot be read has no links.
 */
export async function pageLinks(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  viewport: PageViewport,
): Promise<PageLink[]> {
  const annotations = (await page.getAnnotations({ intent: 'display' }).catch(() => [])) as {
    subtype?: string;
    rect?: number[];
    url?: string;
    dest?: unknown;
  }[];
  const links: PageLink[] = [];
  for (const a of annotations.slice(0, MAX_LINKS)) {
    if (a.subtype !== 'Link' || !Array.isArray(a.rect) || a.rect.length !== 4) continue;
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(a.rect) as [number, number, number, number];
    const box = {
      left: Math.min(x1, x2),
      top: Math.min(y1, y2),
      width: Math.abs(x2 - x1),
      height: Math.abs(y2 - y1),
    };
    if (typeof a.url === 'string' && /^https?:\/\//i.test(a.url)) links.push({ ...box, to: { url: a.url } });
    else if (a.dest) {
      const place = await resolveDestination(doc, a.dest, doc.numPages);
      if (place) links.push({ ...box, to: { place } });
    }
  }
  return links;
}

import type { DefaultTreeAdapterMap } from 'parse5';
import { scanHtmlDepth } from './limits';

type TreeElement = DefaultTreeAdapterMap['element'];

/**
 * Offsets where `html` can be cut into pieces of at least `size` characters (UTF-16 units) that
 * each parse, alone, into the same body content: the start of a top-level element of the body
 * that no other top-level element's source overlaps (an element moved out of a table, or one a
 * misnested tag kept open, makes no place to cut). Checks the depth on the way.
 * @throws GlossError('too-complex') when elements nest deeper than MAX_HTML_DEPTH.
 */
export function htmlPieceBreaks(html: string, size: number): number[] {
  const { tree } = scanHtmlDepth(html, true);
  const root = tree.childNodes.find((node): node is TreeElement => node.nodeName === 'html');
  const body = root?.childNodes.find((node): node is TreeElement => node.nodeName === 'body');
  const ranges: [number, number][] = [];
  for (const child of body?.childNodes ?? []) {
    const location = 'tagName' in child ? child.sourceCodeLocation : undefined;
    if (location) ranges.push([location.startOffset, location.endOffset ?? html.length]);
  }
  // The smallest start from each element on: a cut must come before every later element.
  const laterStart = ranges.map(([start]) => start);
  for (let i = laterStart.length - 2; i >= 0; i--)
    laterStart[i] = Math.min(laterStart[i] ?? 0, laterStart[i + 1] ?? html.length);
  const breaks: number[] = [];
  let from = 0;
  let earlierEnd = 0;
  ranges.forEach(([start, end], i) => {
    if (i > 0 && earlierEnd <= start && laterStart[i] === start && start - from >= size) {
      breaks.push(start);
      from = start;
    }
    earlierEnd = Math.max(earlierEnd, end);
  });
  return breaks;
}

/** Page furniture left out of a document read without Readability; a header or footer only outside the article. */
const CHROME = new Set(['nav', 'aside', 'form', 'script', 'header', 'footer']);
const FURNITURE_INSIDE = new Set(['header', 'footer']);
const ARTICLE = new Set(['article', 'main', 'section']);

/**
 * Removes navigation-like elements with their content from `root` (nav, aside, form, script, and
 * a header or footer not inside an article, main or section): what Readability would have dropped
 * as page chrome. Walks the elements rather than asking a selector (see unwrapLinksWithoutHref in
 * sanitize.ts: a queried document stays alive).
 */
export function dropPageChrome(root: Element): void {
  for (const element of Array.from(root.getElementsByTagName('*'))) {
    if (!CHROME.has(element.localName)) continue;
    if (FURNITURE_INSIDE.has(element.localName) && insideArticle(element)) continue;
    element.remove();
  }
}

/** Whether an ancestor of `element` is an article, main or section (as `parentElement.closest(…)`). */
function insideArticle(element: Element): boolean {
  for (let at = element.parentElement; at; at = at.parentElement) if (ARTICLE.has(at.localName)) return true;
  return false;
}

import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { GlossError } from '../../../shared/result';

/**
 * Deepest element nesting Gloss reads in HTML, counting from <html>: the
 * depth past which browsers' parsers stop nesting (Blink: 512). The DOM
 * library's tree building slows with depth and its serializer recurses, so
 * deeper documents would freeze or crash the conversion.
 */
export const MAX_HTML_DEPTH = 512;

/**
 * Deepest HTML nesting given to Readability, whose scoring time grows with the
 * cube of the depth (seconds at 256 levels); deeper documents are read whole.
 */
export const MAX_READABILITY_DEPTH = 128;

/** Deepest nesting of lists and quotes Gloss reads in Markdown; marked's list parsing slows sharply with depth. */
export const MAX_MARKDOWN_NESTING = 64;

/** Thrown inside the depth scan to stop parsing at the first element too deep. */
class TooDeep extends Error {}

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/**
 * Returns how deeply the elements of `html` nest (1 for <html> alone) and
 * refuses more than MAX_HTML_DEPTH. Runs the HTML5 tree construction
 * (parse5: the same rules as the DOM parser) on a tree that keeps no text,
 * and stops at the first element too deep, so hostile input costs one
 * linear pass.
 * @throws GlossError('too-complex') naming the limit.
 */
export function checkHtmlDepth(html: string): number {
  return scanHtmlDepth(html, false).depth;
}

/**
 * As checkHtmlDepth, and gives the text-less tree it built; with `locate`, each element carries
 * its place in `html` (parse5's sourceCodeLocation, UTF-16 offsets).
 * @throws GlossError('too-complex') naming the limit.
 */
export function scanHtmlDepth(
  html: string,
  locate: boolean,
): { depth: number; tree: DefaultTreeAdapterMap['document'] } {
  const depths = new WeakMap<Node, number>();
  let deepest = 0;
  const place = (parent: ParentNode, child: Node): void => {
    const depth = (depths.get(parent) ?? 0) + 1;
    if (depth > MAX_HTML_DEPTH) throw new TooDeep();
    depths.set(child, depth);
    deepest = Math.max(deepest, depth);
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    appendChild(parent, child) {
      place(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      place(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
    insertText: () => undefined,
    insertTextBefore: () => undefined,
    // Text is not kept: the location of a text goes to the node before it, if any (an element ends later).
    getNodeSourceCodeLocation: (node) => node?.sourceCodeLocation,
    setNodeSourceCodeLocation(node, location) {
      if (node) defaultTreeAdapter.setNodeSourceCodeLocation(node, location);
    },
  };
  try {
    const tree = parse(html, { treeAdapter: adapter, sourceCodeLocationInfo: locate });
    return { depth: deepest, tree };
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    throw tooDeep(`more than ${MAX_HTML_DEPTH} levels`, MAX_HTML_DEPTH);
  }
}

const FENCE = /^(?:`{3}|~{3})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Width of leading spaces and tabs (a tab to the next multiple of 4) from column `column`. */
function indentEnd(line: string, from: number, column: number): { index: number; column: number } {
  let index = from;
  let col = column;
  for (; index < line.length; index++) {
    const char = line[index];
    if (char === ' ') col++;
    else if (char === '\t') col += 4 - (col % 4);
    else break;
  }
  return { index, column: col };
}

/**
 * How deeply lists and block quotes nest in Markdown, read line by line as
 * CommonMark nests them: a list item is inside every open item whose content
 * starts at or left of its marker; each `>` on a line is one quote level.
 * Fenced code is skipped. Errs towards counting more (a lazy continuation
 * line closes nothing). Linear in the length of the text.
 */
export function markdownNesting(markdown: string): number {
  const open: number[] = [];
  let deepest = 0;
  let fence: string | null = null;
  let afterBlank = false;
  const closeRightOf = (column: number) => {
    while (open.length > 0 && (open.at(-1) ?? 0) > column) open.pop();
  };
  for (const line of markdown.split('\n')) {
    let { index, column } = indentEnd(line, 0, 0);
    if (index === line.length) {
      afterBlank = true;
      continue;
    }
    let quotes = 0;
    let markers = 0;
    for (;;) {
      const rest = line.slice(index, index + 12);
      if (rest.startsWith('>')) {
        quotes++;
        ({ index, column } = indentEnd(line, index + 1, column + 1));
        continue;
      }
      const marker = fence === null ? LIST_MARKER.exec(rest)?.[0] : undefined;
      if (!marker) break;
      if (markers++ === 0) closeRightOf(column);
      ({ index, column } = indentEnd(line, index + marker.length, column + marker.length));
      open.push(column);
    }
    const mark = FENCE.exec(line.slice(index, index + 3))?.[0];
    if (fence !== null) {
      if (mark === fence) fence = null;
      continue;
    }
    if (mark) fence = mark;
    if (markers === 0 && afterBlank) closeRightOf(column);
    afterBlank = false;
    deepest = Math.max(deepest, open.length + quotes);
  }
  return deepest;
}

/**
 * Refuses Markdown whose lists and quotes nest deeper than MAX_MARKDOWN_NESTING.
 * @throws GlossError('too-complex') naming the depth found and the limit.
 */
export function checkMarkdownNesting(markdown: string): void {
  const depth = markdownNesting(markdown);
  if (depth > MAX_MARKDOWN_NESTING) throw tooDeep(`${depth} levels`, MAX_MARKDOWN_NESTING);
}

/** The refusal of a document nested `depth` deep (words, e.g. "513 levels") past `max`. */
export function tooDeep(depth: string, max: number): GlossError {
  return new GlossError('too-complex', `it is nested ${depth} deep, more than Gloss reads (at most ${max}).`);
}

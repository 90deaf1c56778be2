import { blockWrapperTagSchema, type Block, type BlockWrapper } from '../../../shared/model/article';
import { collapseInline, escapeText, inlineFromDom, serializeInline } from './inline-html';

/** Canonical text with its blocks, as the reader gets them. */
export interface TextWithBlocks {
  text: string;
  blocks: Block[];
}

/** What a format converter finds in a file's canonical text; null where it found nothing. */
export interface Converted extends TextWithBlocks {
  title: string | null;
  author: string | null;
  /** ISO 8601. */
  published: string | null;
  /** Tags the document gives itself (Markdown front matter `tags:`); none when absent. */
  tags?: string[];
  /** The language the document states (HTML `lang`, front matter `lang:`), a BCP 47 tag; none when unstated. */
  language?: string | null;
}

/** Text between blocks built from HTML. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * One 'p' block per non-blank line of canonical plain text, its offsets
 * trimmed of surrounding whitespace. Offsets are UTF-16, end exclusive.
 */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (trimmed) {
      const from = start + line.length - line.trimStart().length;
      blocks.push({ kind: 'p', start: from, end: from + trimmed.length });
    }
    start = end + 1;
  }
  return blocks;
}

/** Elements that make blocks (or hold them); any other element is inline. */
export const BLOCK_TAGS = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 li blockquote pre div section article header footer aside main address figure ' +
    'figcaption details summary ul ol dl dt dd table caption thead tbody tfoot tr th td hr'
  ).split(' '),
);
const OWN_KIND: Record<string, Block['kind']> = {
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  li: 'li',
  blockquote: 'blockquote',
};
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const BLANK_LINES = /\n(?:[^\S\n]*\n)+/;

/**
 * Builds canonical text and blocks from sanitized HTML. Leaf block elements
 * (p, h1–h6, li, blockquote, pre, and table cells, list terms, captions or
 * bare text in containers as 'p') each give a block; paragraphs inside a
 * list item or quote take its kind. Block texts are joined by a blank line.
 * Whitespace, no-break spaces included, is collapsed as a browser would,
 * except in pre, which is split at blank lines instead. Each block's `html`
 * is its inline HTML, rewritten so that its text content is exactly
 * `text.slice(start, end)`: a <br> becomes a "\n" text node (show block html
 * with `white-space: pre-line`), text that is not NFC becomes plain text.
 * Content with images but no text (a book's `<img>`, see sanitizeChapter)
 * gives an image block: empty (start = end, the offset where the next text
 * starts, or the end of the text), so images take no characters.
 * `onTarget` hears of each id a block element is marked with (`data-target`,
 * ids separated by spaces) and the offset where its first block starts.
 * Reads `root` without changing it; content of an XHTML document is
 * written as HTML all the same (see inlineFromDom).
 * `wrappers` counts the wrapper elements walked (ids 0 to wrappers - 1), blocks in them or not.
 */
export function blocksFromHtml(
  root: ParentNode & Node,
  onTarget?: (id: string, offset: number) => void,
): TextWithBlocks & { wrappers: number } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;

  /** The elements being walked that blocks sit in (see BlockWrapper), outermost first. */
  const wrappers: BlockWrapper[] = [];
  let wrapperCount = 0;

  const push = (kind: Block['kind'], text: string, html: string, images: boolean): void => {
    if (!text && !images) return;
    const nfc = text.normalize('NFC');
    if (nfc !== text) {
      text = nfc;
      html = escapeText(nfc);
    }
    const block: Block = { kind, start: offset, end: offset + text.length, html };
    if (wrappers.length > 0) block.wrap = wrappers.map((w) => ({ ...w }));
    blocks.push(block);
    if (!text) return;
    parts.push(text);
    offset += text.length + BLOCK_SEPARATOR.length;
  };

  const inline = (nodes: Node[], kind: Block['kind']): void => {
    // Indentation between block elements makes no block.
    if (nodes.every((node) => node.nodeType === TEXT_NODE && !/\S/.test((node as Text).data))) return;
    const tree = inlineFromDom(nodes);
    const text = collapseInline(tree.nodes);
    push(kind, text, serializeInline(tree.nodes), tree.images);
  };

  const preformatted = (element: Element): void => {
    const lines = (element.textContent ?? '').replace(/\r\n?/g, '\n');
    for (const chunk of lines.split(BLANK_LINES)) {
      const text = chunk.replace(/^(?:[^\S\n]*\n)+/, '').trimEnd();
      push('pre', text, escapeText(text), false);
    }
  };

  const walk = (parent: Node, context: Block['kind']): void => {
    let run: Node[] = [];
    const flush = (): void => {
      if (run.length) inline(run, context);
      run = [];
    };
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE || !BLOCK_TAGS.has((child as Element).localName)) {
        run.push(child);
        continue;
      }
      flush();
      const element = child as Element;
      // Most elements have no attributes: not asked for one by name.
      const target = onTarget && element.hasAttributes() && element.getAttribute('data-target');
      if (target) for (const id of target.split(' ')) onTarget(id, offset);
      const kind = OWN_KIND[element.localName] ?? context;
      const wrapper = wrapperOf(element, wrapperCount);
      if (wrapper) {
        wrapperCount++;
        wrappers.push(wrapper);
      }
      if (element.localName === 'pre') preformatted(element);
      else if (containsBlock(element)) walk(element, kind);
      else inline(childrenOf(element), kind);
      if (wrapper) wrappers.pop();
    }
    flush();
  };

  walk(root, 'p');
  const text = parts.join(BLOCK_SEPARATOR);
  // Images after the last text stand at its end.
  for (let i = blocks.length - 1; i >= 0 && blocks[i]!.start > text.length; i--)
    blocks[i] = { ...blocks[i]!, start: text.length, end: text.length };
  return { text, blocks, wrappers: wrapperCount };
}

const WRAPPER_TAGS = new Set<string>(blockWrapperTagSchema.options);

/** The wrapper an element makes for the blocks inside it, numbered `id`; null for other elements. */
function wrapperOf(element: Element, id: number): BlockWrapper | null {
  const tag = element.localName === 'tfoot' ? 'tbody' : element.localName;
  if (!WRAPPER_TAGS.has(tag)) return null;
  const wrapper: BlockWrapper = { tag: tag as BlockWrapper['tag'], id };
  if (tag === 'ol') {
    const start = Number.parseInt(element.getAttribute('start') ?? '', 10);
    if (Number.isInteger(start) && start !== 1) wrapper.start = start;
  }
  if (tag === 'li' && element.parentElement?.localName === 'ol') wrapper.value = listItemNumber(element);
  return wrapper;
}

/** The number an ordered list shows for item `li`: its value, else the one before it plus one, else the list's start. */
function listItemNumber(li: Element): number {
  let steps = 0;
  for (let item: Element | null = li; item; item = item.previousElementSibling) {
    if (item.localName !== 'li') continue;
    const value = Number.parseInt(item.getAttribute('value') ?? '', 10);
    if (Number.isInteger(value)) return value + steps;
    steps++;
  }
  const start = Number.parseInt(li.parentElement?.getAttribute('start') ?? '', 10);
  return (Number.isInteger(start) ? start : 1) + steps - 1;
}

function containsBlock(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCK_TAGS.has(child.localName) || containsBlock(child)) return true;
  }
  return false;
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

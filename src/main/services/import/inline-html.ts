/** A text node of an inline tree; `data` shrinks as whitespace is collapsed. */
export interface InlineText {
  type: 'text';
  data: string;
}

/** An inline element (strong, em, a, img…) with its attributes already serialized (` href="…"`). */
export interface InlineElement {
  type: 'element';
  tag: string;
  attributes: string;
  children: InlineNode[];
}

/** One node of a block's inline content: the tree its HTML is written from, whatever it was read from. */
export type InlineNode = InlineText | InlineElement | { type: 'br' };

/** Elements the HTML serializer writes without content or end tag. */
const VOID_TAGS = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(
    ' ',
  ),
);

/** Characters the serializer escapes in text; most text has none, and is returned without four replaces. */
const TEXT_ESCAPED = /[&\u00a0<>]/;

/** Escapes text as the HTML serializer does. */
export function escapeText(text: string): string {
  if (!TEXT_ESCAPED.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Escapes an attribute value as the HTML serializer does. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Collapses whitespace in `nodes` in place, as inline layout would: runs of whitespace (no-break spaces
 * included) become one space, none at the start or end or next to a line break; each run of <br>
 * becomes one "\n". Returns the text content after collapsing.
 */
export function collapseInline(nodes: InlineNode[]): string {
  const kept: InlineText[] = [];
  const endsBlank = (): boolean => {
    const last = kept.at(-1)?.data;
    return last === undefined || last.endsWith(' ') || last.endsWith('\n');
  };
  const dropTrailing = (): void => {
    for (let last = kept.at(-1); last && endsBlank(); last = kept.at(-1)) {
      last.data = last.data.slice(0, -1);
      if (!last.data) kept.pop();
    }
  };
  const visit = (list: InlineNode[]): void => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i] as InlineNode;
      if (node.type === 'text') {
        let data = node.data.replace(/\s+/g, ' ');
        if (data.startsWith(' ') && endsBlank()) data = data.slice(1);
        node.data = data;
        if (data) kept.push(node);
      } else if (node.type === 'br') {
        dropTrailing();
        const lineBreak: InlineText = { type: 'text', data: kept.length ? '\n' : '' };
        list[i] = lineBreak;
        if (lineBreak.data) kept.push(lineBreak);
      } else visit(node.children);
    }
  };
  visit(nodes);
  dropTrailing();
  return kept.length === 1 ? (kept[0] as InlineText).data : kept.map((node) => node.data).join('');
}

/** The HTML of collapsed `nodes`, as the serializer writes a container's innerHTML. */
export function serializeInline(nodes: InlineNode[]): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') html += escapeText(node.data);
    else if (node.type === 'element')
      html += VOID_TAGS.has(node.tag)
        ? `<${node.tag}${node.attributes}>`
        : `<${node.tag}${node.attributes}>${serializeInline(node.children)}</${node.tag}>`;
  }
  return html;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The inline tree of sanitized DOM nodes (of an HTML or an XHTML document), read without moving or
 * changing them: elements by qualified name with their attributes, text, <br>; comments and other
 * nodes are left out, as is anything inside a void element. `images` says whether an <img> is among them.
 */
export function inlineFromDom(nodes: Iterable<Node>): { nodes: InlineNode[]; images: boolean } {
  let images = false;
  const read = (node: Node, into: InlineNode[]): void => {
    if (node.nodeType === TEXT_NODE) {
      into.push({ type: 'text', data: (node as Text).data });
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.prefix ? `${element.prefix}:${element.localName}` : element.localName;
    if (tag === 'br') {
      into.push({ type: 'br' });
      return;
    }
    if (tag === 'img') images = true;
    let attributes = '';
    if (element.hasAttributes())
      for (const attribute of Array.from(element.attributes))
        attributes += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
    const children: InlineNode[] = [];
    if (!VOID_TAGS.has(tag))
      for (let child = element.firstChild; child; child = child.nextSibling) read(child, children);
    into.push({ type: 'element', tag, attributes, children });
  };
  const tree: InlineNode[] = [];
  for (const node of nodes) read(node, tree);
  return { nodes: tree, images };
}

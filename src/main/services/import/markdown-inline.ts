import type { Token, Tokens } from 'marked';

/** A text node of an inline tree; `data` shrinks as whitespace is collapsed. */
export interface InlineText {
  type: 'text';
  data: string;
}

/** An inline element (strong, em, del, code, a) with its attributes already serialized (` href="…"`). */
export interface InlineElement {
  type: 'element';
  tag: string;
  attributes: string;
  children: InlineNode[];
}

/** One node of the inline tree a Markdown block's inline tokens make, as the HTML parser would build it. */
export type InlineNode = InlineText | InlineElement | { type: 'br' };

/** Text a token may carry as is: the HTML parser would turn '&' (entities) or NUL into something else. */
const PLAIN_TEXT = /^[^&\0\r]*$/;
const CODE_TEXT = /^[^\0\r]*$/;
const SAFE_URL = /^(?:https?:|#)/i;

/** Appends text to `nodes`, merged into a text node before it as the HTML parser merges them. */
export function appendText(nodes: InlineNode[], data: string): void {
  const last = nodes.at(-1);
  if (last?.type === 'text') last.data += data;
  else nodes.push({ type: 'text', data });
}

/** The href a link keeps: marked's encoding, which the sanitizer keeps and the parser reads back; null when unsure. */
function hrefOf(href: string): string | null {
  let encoded: string;
  try {
    encoded = encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
  return encoded.includes('&') || !SAFE_URL.test(encoded) ? null : encoded;
}

/** Escapes an attribute value as the HTML serializer does. */
function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/"/g, '&quot;');
}

/**
 * Appends the inline tree marked would render for `tokens`, after sanitizing with the shared policy
 * and parsing, to `nodes`. Returns false (leaving `nodes` partly built) for anything this does not
 * reproduce exactly (raw HTML, images, entities, links the sanitizer would change): such a block
 * goes through the HTML path instead.
 */
export function appendInline(nodes: InlineNode[], tokens: Token[], inLink = false): boolean {
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        if (text.tokens) {
          if (!appendInline(nodes, text.tokens, inLink)) return false;
        } else if (!('escaped' in text && text.escaped) && PLAIN_TEXT.test(text.text)) {
          appendText(nodes, text.text);
        } else return false;
        break;
      }
      case 'codespan': {
        const { text } = token as Tokens.Codespan;
        if (!CODE_TEXT.test(text)) return false;
        nodes.push({
          type: 'element',
          tag: 'code',
          attributes: '',
          children: text ? [{ type: 'text', data: text }] : [],
        });
        break;
      }
      case 'br':
        nodes.push({ type: 'br' });
        break;
      case 'strong':
      case 'em':
      case 'del': {
        const children: InlineNode[] = [];
        if (!appendInline(children, (token as Tokens.Strong).tokens, inLink)) return false;
        nodes.push({ type: 'element', tag: token.type, attributes: '', children });
        break;
      }
      case 'link': {
        const link = token as Tokens.Link;
        const href = hrefOf(link.href);
        if (inLink || href === null || (link.title && !PLAIN_TEXT.test(link.title))) return false;
        const children: InlineNode[] = [];
        if (link.autolink) {
          if (!CODE_TEXT.test(link.text)) return false;
          if (link.text) children.push({ type: 'text', data: link.text });
        } else if (!appendInline(children, link.tokens, true)) return false;
        const title = link.title ? ` title="${escapeAttribute(link.title)}"` : '';
        nodes.push({
          type: 'element',
          tag: 'a',
          attributes: ` href="${escapeAttribute(href)}"${title}`,
          children,
        });
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/**
 * Collapses whitespace in `nodes` in place as blocksFromHtml does (collapseWhitespace there): runs of
 * whitespace become one space, none at the start or end or next to a line break; each run of <br>
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

/** Escapes text as the HTML serializer does. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The HTML of collapsed `nodes`, as the serializer writes a container's innerHTML. */
export function serializeInline(nodes: InlineNode[]): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') html += escapeText(node.data);
    else if (node.type === 'element')
      html += `<${node.tag}${node.attributes}>${serializeInline(node.children)}</${node.tag}>`;
  }
  return html;
}

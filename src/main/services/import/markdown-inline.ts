import type { Token, Tokens } from 'marked';
import { escapeAttribute, type InlineNode } from './inline-html';

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

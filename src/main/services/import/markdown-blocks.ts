import type { Token, Tokens } from 'marked';
import type { Block, BlockWrapper } from '../../../shared/model/article';
import { BLOCK_SEPARATOR, type TextWithBlocks } from './blocks';
import { collapseInline, escapeText, serializeInline, type InlineNode } from './inline-html';
import { appendInline, appendText } from './markdown-inline';

/** Text and blocks being built from a Markdown document, top-level token after token. */
export interface BlockSink {
  /** Block texts, joined by BLOCK_SEPARATOR at the end. */
  parts: string[];
  blocks: Block[];
  /** Where the next block's text starts in the joined text (UTF-16 units). */
  offset: number;
  /** Wrapper elements numbered so far: the next one gets this id. */
  wrappers: number;
}

/** A block found, before its place in the text is known. */
interface Found {
  kind: Block['kind'];
  text: string;
  html: string;
  wrap: BlockWrapper[] | null;
}

/** The blocks of one token and how many wrapper elements it holds. */
export interface TokenBlocks {
  found: Found[];
  wrappers: number;
}

const BLANK_LINES = /\n(?:[^\S\n]*\n)+/;
const CODE_TEXT = /^[^\0\r]*$/;

/** A new, empty sink. */
export function blockSink(): BlockSink {
  return { parts: [], blocks: [], offset: 0, wrappers: 0 };
}

/**
 * The blocks blocksFromHtml would make of marked's HTML for one top-level token after sanitizing,
 * built from the token itself without HTML or a DOM; wrapper ids count from 0 (appendFound shifts
 * them). Returns null for tokens this does not reproduce exactly (raw HTML, tables, task lists,
 * images, entities, links the sanitizer would change): those go through the HTML path.
 */
export function tokenBlocks(token: Token): TokenBlocks | null {
  const found: Found[] = [];
  const wrappers: BlockWrapper[] = [];
  let count = 0;

  const inline = (run: InlineNode[], kind: Block['kind']): void => {
    if (run.every((node) => node.type === 'text' && !/\S/.test(node.data))) return;
    let text = collapseInline(run);
    if (!text) return;
    let html: string;
    if (text.normalize('NFC') !== text) {
      text = text.normalize('NFC');
      html = escapeText(text);
    } else if (run.every((node) => node.type === 'text') && !/[&<>\u00a0]/.test(text)) html = text;
    else html = serializeInline(run);
    found.push({ kind, text, html, wrap: wrappers.length ? wrappers.map((w) => ({ ...w })) : null });
  };

  const preformatted = (code: string): void => {
    const lines = code ? `${code.replace(/\n$/, '')}\n` : '';
    for (const chunk of lines.split(BLANK_LINES)) {
      const text = chunk
        .replace(/^(?:[^\S\n]*\n)+/, '')
        .trimEnd()
        .normalize('NFC');
      if (text)
        found.push({
          kind: 'pre',
          text,
          html: escapeText(text),
          wrap: wrappers.length ? wrappers.map((w) => ({ ...w })) : null,
        });
    }
  };

  const list = (token: Tokens.List): boolean => {
    const start = token.ordered ? Number(token.start) : 1;
    if (!Number.isSafeInteger(start)) return false;
    const wrapper: BlockWrapper = { tag: token.ordered ? 'ol' : 'ul', id: count++ };
    if (token.ordered && start !== 1) wrapper.start = start;
    wrappers.push(wrapper);
    for (const [index, item] of token.items.entries()) {
      if (item.task) return false;
      const li: BlockWrapper = { tag: 'li', id: count++ };
      if (token.ordered) li.value = start + index;
      wrappers.push(li);
      if (!walk(item.tokens, 'li', [])) return false;
      wrappers.pop();
    }
    wrappers.pop();
    return true;
  };

  /** Walks the children of an element rendered from `tokens`, `run` holding the inline nodes before them. */
  const walk = (tokens: Token[], kind: Block['kind'], run: InlineNode[]): boolean => {
    const flush = (): void => {
      if (run.length) inline(run, kind);
      run = [];
    };
    for (const child of tokens) {
      switch (child.type) {
        case 'space':
        case 'def':
          continue;
        case 'text':
          if (!appendInline(run, [child])) return false;
          continue;
        case 'paragraph':
        case 'heading': {
          flush();
          const nodes: InlineNode[] = [];
          if (!appendInline(nodes, (child as Tokens.Paragraph).tokens)) return false;
          inline(
            nodes,
            child.type === 'heading' ? (`h${(child as Tokens.Heading).depth}` as Block['kind']) : kind,
          );
          break;
        }
        case 'code': {
          const { text } = child as Tokens.Code;
          if (!CODE_TEXT.test(text)) return false;
          flush();
          preformatted(text);
          break;
        }
        case 'hr':
          flush();
          break;
        case 'blockquote':
          flush();
          if (!walk((child as Tokens.Blockquote).tokens, 'blockquote', [{ type: 'text', data: '\n' }]))
            return false;
          break;
        case 'list':
          flush();
          if (!list(child as Tokens.List)) return false;
          break;
        default:
          return false;
      }
      appendText(run, '\n');
    }
    flush();
    return true;
  };

  return walk([token], 'p', []) ? { found, wrappers: count } : null;
}

/** Appends blocks found by tokenBlocks to `sink`, their wrapper ids shifted to follow. */
export function appendFound(sink: BlockSink, found: TokenBlocks): void {
  for (const { kind, text, html, wrap } of found.found) {
    const block: Block = { kind, start: sink.offset, end: sink.offset + text.length, html };
    if (wrap) {
      for (const wrapper of wrap) wrapper.id += sink.wrappers;
      block.wrap = wrap;
    }
    sink.blocks.push(block);
    sink.parts.push(text);
    sink.offset += text.length + BLOCK_SEPARATOR.length;
  }
  sink.wrappers += found.wrappers;
}

/** Appends what blocksFromHtml made of some tokens' HTML to `sink`, its offsets and wrapper ids shifted to follow. */
export function appendConverted(
  sink: BlockSink,
  converted: { text: string; blocks: Block[]; wrappers: number },
): void {
  if (converted.blocks.length > 0) {
    for (const block of converted.blocks) {
      block.start += sink.offset;
      block.end += sink.offset;
      for (const wrapper of block.wrap ?? []) wrapper.id += sink.wrappers;
      sink.blocks.push(block);
    }
    sink.parts.push(converted.text);
    sink.offset += converted.text.length + BLOCK_SEPARATOR.length;
  }
  sink.wrappers += converted.wrappers;
}

/**
 * The document a sink holds: its parts joined by BLOCK_SEPARATOR (the sink lets go of them). Nothing
 * may hold on to the source once converted: a block whose html is its text takes it from the joined
 * text, any other html is copied (it may be a concatenation of slices of the source).
 */
export function finishSink(sink: BlockSink): TextWithBlocks {
  const text = sink.parts.join(BLOCK_SEPARATOR);
  sink.parts.length = 0;
  for (const block of sink.blocks) {
    if (block.html === undefined) continue;
    const own = text.slice(block.start, block.end);
    block.html = block.html === own ? own : detached(block.html);
  }
  return { text, blocks: sink.blocks };
}

/** A copy of `html` that refers to no other string (V8 takes a slice of a concatenation from a flat copy). */
function detached(html: string): string {
  return `${html}\n`.slice(0, -1);
}

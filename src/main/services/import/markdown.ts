import { statedLanguage } from '../../../shared/text/language';
import { Marked, type Token, type TokensList } from 'marked';
import type { Block } from '../../../shared/model/article';
import { parse as parseYaml } from 'yaml';
import { BLOCK_SEPARATOR, blocksFromHtml, type Converted, type TextWithBlocks } from './blocks';
import { checkHtmlDepth, checkMarkdownNesting } from './limits';
import { cleanByline, findAuthor, findPublished, normalizeDate } from './metadata';
import { sanitizeToFragment } from './sanitize';

const FRONT_MATTER = /^---[^\S\n]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[^\S\n]*(?:\n|$)/;
const HEADING = /^h[1-6]$/;

const marked = new Marked({ gfm: true });

/**
 * Markdown characters rendered, sanitized and walked at a time: a long document's HTML and DOM are
 * built a piece at a time, never whole (a 64 MB file would need gigabytes of DOM).
 */
export const MARKDOWN_PIECE_CHARS = 1_000_000;

/** Front matter values Gloss reads; anything else in it is ignored. */
interface FrontMatter {
  title?: unknown;
  author?: unknown;
  authors?: unknown;
  date?: unknown;
  published?: unknown;
  tags?: unknown;
  tag?: unknown;
  keywords?: unknown;
  lang?: unknown;
  language?: unknown;
}

/** The front matter at the start of `markdown` and the body after it; none unless it is a YAML mapping. */
function splitFrontMatter(markdown: string): { meta: FrontMatter; body: string } {
  const match = markdown.match(FRONT_MATTER);
  if (!match) return { meta: {}, body: markdown };
  try {
    const value: unknown = parseYaml(match[1] ?? '');
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { meta: value, body: markdown.slice(match[0].length) };
    }
  } catch {
    // Not YAML: the lines are Markdown after all (a rule, then text).
  }
  return { meta: {}, body: markdown };
}

function authorOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(authorOf).filter((name): name is string => name !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value !== null && typeof value === 'object' && 'name' in value) return authorOf(value.name);
  return cleanByline(value);
}

function textOf(value: unknown): string | null {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text || null;
}

/**
 * Converts canonical Markdown: YAML front matter (title, author or authors,
 * date or published, tags, lang or language) is read and left out of the text; the rest is rendered
 * with marked (GFM), sanitized, and turned into blocks. The title is the
 * front matter's, else the first heading. A leading "---" block that is
 * not a YAML mapping is kept as Markdown. The body is lexed whole (so
 * reference links resolve anywhere), then rendered in pieces of top-level
 * blocks of about `pieceChars` characters.
 * @throws GlossError('too-complex') when lists or quotes nest deeper than
 *   MAX_MARKDOWN_NESTING, or its HTML deeper than MAX_HTML_DEPTH.
 */
export function convertMarkdown(markdown: string, pieceChars = MARKDOWN_PIECE_CHARS): Converted {
  const { meta, body } = splitFrontMatter(markdown);
  checkMarkdownNesting(body);
  const { text, blocks } = markdownBlocks(body, pieceChars);
  const heading = blocks.find((b) => HEADING.test(b.kind));
  const lines = text.split('\n').filter((line) => line.trim());
  return {
    text,
    blocks,
    title: textOf(meta.title) ?? (heading ? text.slice(heading.start, heading.end) : null),
    author: authorOf(meta.author ?? meta.authors) ?? findAuthor(lines),
    published: normalizeDate(meta.date ?? meta.published) ?? findPublished(lines),
    tags: tagsOf(meta.tags ?? meta.tag ?? meta.keywords),
    language: statedLanguage(meta.lang ?? meta.language),
  };
}

/**
 * Text and blocks of a Markdown body, rendered piece by piece: each piece's blocks are shifted to
 * follow the text before it, and its wrapper ids (lists, quotes, tables) renumbered after those
 * before it, so blocks of two pieces never share a wrapper.
 */
function markdownBlocks(body: string, pieceChars: number): TextWithBlocks {
  const tokens = marked.lexer(body);
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  let wrapperBase = 0;
  for (let from = 0; from < tokens.length;) {
    let to = from;
    for (let size = 0; to < tokens.length && (to === from || size < pieceChars); to++) {
      size += (tokens[to] as Token).raw.length;
    }
    const piece = Object.assign(tokens.slice(from, to), { links: tokens.links }) as TokensList;
    from = to;
    const html = marked.parser(piece);
    checkHtmlDepth(html);
    const converted = blocksFromHtml(sanitizeToFragment(html));
    if (converted.blocks.length === 0) continue;
    let highest = -1;
    for (const block of converted.blocks) {
      block.start += offset;
      block.end += offset;
      for (const wrapper of block.wrap ?? []) {
        highest = Math.max(highest, wrapper.id);
        wrapper.id += wrapperBase;
      }
      blocks.push(block);
    }
    wrapperBase += highest + 1;
    parts.push(converted.text);
    offset += converted.text.length + BLOCK_SEPARATOR.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}

/** Front matter tags: a list, or one string of names separated by commas or spaces (Obsidian's "#" dropped). */
function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  const names = list
    .map((item) => textOf(item)?.replace(/^#/, '').normalize('NFC'))
    .filter((name): name is string => !!name);
  return [...new Set(names)];
}

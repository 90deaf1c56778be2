import { statedLanguage } from '../../../shared/text/language';
import { Marked, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { Converted, TextWithBlocks } from './blocks';
import { checkMarkdownNesting } from './limits';
import { cleanByline, edgeLines, findAuthor, findPublished, normalizeDate } from './metadata';
import {
  appendConverted,
  appendFound,
  blockSink,
  finishSink,
  tokenBlocks,
  type BlockSink,
} from './markdown-blocks';
import { garbageCollector } from './collect-garbage';
import { lexPieces } from './markdown-pieces';

const FRONT_MATTER = /^---[^\S\n]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[^\S\n]*(?:\n|$)/;
const HEADING = /^h[1-6]$/;

const marked = new Marked({ gfm: true });

/**
 * Markdown characters lexed at a time, and at most rendered, sanitized and walked as HTML at a time:
 * a long document's tokens, HTML and DOM are never built whole (a 64 MB file would need gigabytes).
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

/**
 * A document's source handed to a converter, which empties it (`text = ''`) once it no longer needs
 * it: then, if the caller kept no other reference, a large source is freed before the document's
 * text is assembled, rather than alive beside it.
 */
export interface HeldText {
  text: string;
}

/** Characters of a source from which it is worth a full garbage collection to free it before the join (see finishDocument). */
const LARGE_SOURCE_CHARS = 4 * 1024 * 1024;

/**
 * The front matter at the start of `markdown` and the body after it; none unless it is a YAML mapping.
 * The front matter is parsed from a copy, so no value read from it keeps the source alive.
 */
function splitFrontMatter(markdown: string): { meta: FrontMatter; body: string } {
  const match = markdown.match(FRONT_MATTER);
  if (!match) return { meta: {}, body: markdown };
  try {
    const value: unknown = parseYaml(Buffer.from(match[1] ?? '', 'utf16le').toString('utf16le'));
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
 * Blocks of rendered Markdown HTML, sanitized and walked as blocksFromHtml does, with the number of
 * wrapper elements walked. @throws GlossError('too-complex') for HTML nested deeper than MAX_HTML_DEPTH.
 */
export type HtmlPath = (html: string) => TextWithBlocks & { wrappers: number };

/** Thrown by markdownDocument without an HTML path when the document needs one. */
class NeedsHtml extends Error {}

/**
 * Converts canonical Markdown (see convertMarkdown in markdown.ts) without loading jsdom or DOMPurify
 * unless it holds something only the HTML path reproduces (raw HTML, tables, images...): then the
 * conversion starts again with them.
 * @throws GlossError as convertMarkdown does.
 */
export async function convertMarkdownLazily(source: HeldText): Promise<Converted> {
  try {
    return markdownDocument(source, MARKDOWN_PIECE_CHARS, null);
  } catch (error) {
    if (!(error instanceof NeedsHtml)) throw error;
  }
  return (await import('./markdown')).convertHeldMarkdown(source);
}

/**
 * Converts canonical Markdown: YAML front matter (title, author or authors,
 * date or published, tags, lang or language) is read and left out of the text; the rest is rendered
 * with marked (GFM), sanitized, and turned into blocks. The title is the
 * front matter's, else the first heading. A leading "---" block that is
 * not a YAML mapping is kept as Markdown. The body is lexed in pieces of
 * about `pieceChars` characters cut between top-level blocks (reference
 * links still resolve anywhere); paragraphs, headings, lists, quotes and
 * code become blocks straight from their tokens, the rest (raw HTML,
 * tables...) through `htmlPath`, with the same result; without one, the
 * first token that needs it stops the conversion (NeedsHtml), `source` left as it was. Once every
 * piece is converted, `source` is emptied (see HeldText).
 * @throws GlossError('too-complex') when lists or quotes nest deeper than
 *   MAX_MARKDOWN_NESTING, or its HTML deeper than MAX_HTML_DEPTH.
 */
export function markdownDocument(source: HeldText, pieceChars: number, htmlPath: HtmlPath | null): Converted {
  // Two calls, so that no frame still on the stack while the text is joined has read the source.
  return finishDocument(fillDocument(source, pieceChars, htmlPath), source);
}

/** A Markdown document converted piece by piece, its text not joined yet. */
interface FilledDocument {
  meta: FrontMatter;
  sink: BlockSink;
  /** Whether the source was large enough to collect once let go of. */
  large: boolean;
}

/** The front matter and blocks of the source (see markdownDocument). Holds nothing of the source once it returns. */
function fillDocument(source: HeldText, pieceChars: number, htmlPath: HtmlPath | null): FilledDocument {
  const { meta, body } = splitFrontMatter(source.text);
  checkMarkdownNesting(body);
  const sink = blockSink();
  fillSink(sink, body, pieceChars, htmlPath);
  return { meta, sink, large: body.length >= LARGE_SOURCE_CHARS };
}

/**
 * The document's text and blocks, title, author, date, tags and language. Before the pieces' texts
 * are joined, `source` is emptied and a large source collected, so source and text are never alive together.
 */
function finishDocument({ meta, sink, large }: FilledDocument, source: HeldText): Converted {
  source.text = '';
  forgetLastMatch();
  if (large) garbageCollector()();
  const { text, blocks } = finishSink(sink);
  const heading = blocks.find((b) => HEADING.test(b.kind));
  const lines = edgeLines(text);
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
 * V8 keeps the subject of the last successful regular expression match (for `RegExp.input` and the
 * like), and a slice of the source keeps all of it: a match on an empty string lets it go.
 */
function forgetLastMatch(): void {
  /^/.exec('');
}

/**
 * Puts the blocks of `body` into `sink`, lexed piece by piece (lexPieces): in a piece without raw
 * HTML, each top-level token whose blocks tokenBlocks can build straight from the token is turned into
 * them without HTML; the other tokens are rendered, sanitized and walked as HTML, a run of them at a
 * time, up to `pieceChars` characters. Holds nothing of `body` once it returns.
 */
function fillSink(sink: BlockSink, body: string, pieceChars: number, htmlPath: HtmlPath | null): void {
  let html: Token[] = [];
  let htmlChars = 0;
  const flushHtml = (): void => {
    if (html.length === 0) return;
    if (!htmlPath) throw new NeedsHtml();
    const rendered = marked.parser(html);
    html = [];
    htmlChars = 0;
    appendConverted(sink, htmlPath(rendered));
  };
  for (const tokens of lexPieces(marked, body, pieceChars)) {
    // Raw HTML can open an element that holds later blocks: such a piece is all rendered as HTML.
    let rawHtml = false;
    marked.walkTokens(tokens, (token) => {
      rawHtml ||= token.type === 'html';
    });
    for (const token of tokens) {
      const found = rawHtml ? null : tokenBlocks(token);
      if (found) {
        flushHtml();
        appendFound(sink, found);
      } else {
        if (!htmlPath) throw new NeedsHtml();
        html.push(token);
        htmlChars += token.raw.length;
        if (htmlChars >= pieceChars) flushHtml();
      }
    }
  }
  flushHtml();
}

/** Front matter tags: a list, or one string of names separated by commas or spaces (Obsidian's "#" dropped). */
function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  const names = list
    .map((item) => textOf(item)?.replace(/^#/, '').normalize('NFC'))
    .filter((name): name is string => !!name);
  return [...new Set(names)];
}

import { statedLanguage } from '../../../shared/text/language';
import { Readability } from '@mozilla/readability';
import type { Block } from '../../../shared/model/article';
import { blocksFromHtml, type Converted } from './blocks';
import { garbageCollector } from './collect-garbage';
import { parseHtml } from './dom';
import { dropPageChrome, htmlPieceBreaks } from './html-pieces';
import { checkHtmlDepth, MAX_READABILITY_DEPTH } from './limits';
import { appendConverted, blockSink, finishSink, type BlockSink } from './markdown-blocks';
import { cleanByline, edgeLines, findAuthor, findPublished, normalizeDate } from './metadata';
import { sanitizeToFragment } from './sanitize';

/** Bytes searched for a charset declaration, as browsers do. */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Labels browsers read differently from their names (WHATWG Encoding). */
const CHARSET_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
};

/** Meta tags, each an attribute and its value, in the order they are believed. */
type MetaKeys = readonly (readonly [attribute: string, value: string])[];
const AUTHOR_META: MetaKeys = [
  ['name', 'author'],
  ['property', 'article:author'],
  ['name', 'dc.creator'],
];
const PUBLISHED_META: MetaKeys = [
  ['property', 'article:published_time'],
  ['itemprop', 'datePublished'],
  ['name', 'pubdate'],
  ['name', 'date'],
  ['name', 'dc.date'],
];

/** The charset an HTML file declares in a meta tag in its first 1024 bytes, lower-case, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const label = head.match(META_CHARSET)?.[1]?.toLowerCase();
  return label ? (CHARSET_ALIASES[label] ?? label) : null;
}

/**
 * The content of the first meta tag of the first key that has one and is not a URL. Meta tags are
 * walked, not queried with a selector (see dropPageChrome).
 */
function metaContent(document: Document, keys: MetaKeys): string | null {
  const metas = Array.from(document.getElementsByTagName('meta'));
  for (const [attribute, value] of keys) {
    const content = metas
      .find((meta) => meta.getAttribute(attribute) === value)
      ?.getAttribute('content')
      ?.trim();
    if (content && !/^https?:/i.test(content)) return content;
  }
  return null;
}

const tidy = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim() || null;

/** Characters (UTF-16 units) of HTML up to which a document is read with Readability; larger ones are kept whole. */
export const HTML_READABILITY_CHARS = 4_000_000;

/** Characters of HTML at least in each piece of a document kept whole (see convertHtml); it is cut between top-level elements. */
export const HTML_PIECE_CHARS = 1_000_000;

/** Where convertHtml stops using Readability and how large the pieces of a larger document are, in characters. */
export interface HtmlLimits {
  readabilityChars: number;
  pieceChars: number;
}

const LIMITS: HtmlLimits = { readabilityChars: HTML_READABILITY_CHARS, pieceChars: HTML_PIECE_CHARS };

/**
 * Converts a canonical HTML document: it is parsed inert (no scripts, no
 * loads), the main article is extracted with Readability (the whole body
 * when Readability finds nothing, or when the elements nest deeper than
 * MAX_READABILITY_DEPTH), then sanitized and turned into blocks.
 * Title: Readability's (from <title> and headings), else the first h1; an
 * h1 that Readability dropped as a repeat of the title is put back first.
 * Author and date: meta tags (author, article:published_time, …), then
 * Readability's byline and JSON-LD, then the text itself. Language: the `lang` of <html>.
 * A document over `limits.readabilityChars` characters is kept whole instead (see convertLargeHtml).
 * @throws GlossError('too-complex') when elements nest deeper than MAX_HTML_DEPTH.
 */
export async function convertHtml(html: string, limits: HtmlLimits = LIMITS): Promise<Converted> {
  if (html.length > limits.readabilityChars) return convertLargeHtml(html, limits.pieceChars);
  const depth = checkHtmlDepth(html);
  const document = parseHtml(html);
  for (const base of Array.from(document.querySelectorAll('base'))) base.remove();
  const language = statedLanguage(document.documentElement?.getAttribute('lang'));
  const metaAuthor = metaContent(document, AUTHOR_META);
  const metaPublished = metaContent(document, PUBLISHED_META);
  const h1 = tidy(document.querySelector('h1')?.textContent);
  const body = document.body?.innerHTML ?? '';
  const article = depth <= MAX_READABILITY_DEPTH ? new Readability(document).parse() : null;

  const title = tidy(article?.title) ?? h1;

  const extracted = sanitizeToFragment(article?.content ?? '');
  const fragment = extracted.textContent?.trim() ? extracted : sanitizeToFragment(body);
  if (h1 && h1 === title && !tidy(fragment.textContent)?.startsWith(h1)) {
    const heading = fragment.ownerDocument.createElement('h1');
    heading.textContent = h1;
    fragment.prepend(heading);
  }
  const { text, blocks } = blocksFromHtml(fragment);
  const lines = text.split('\n').filter((line) => line.trim());
  return {
    text,
    blocks,
    title,
    author: cleanByline(metaAuthor) ?? cleanByline(article?.byline) ?? findAuthor(lines),
    published: normalizeDate(metaPublished) ?? normalizeDate(article?.publishedTime) ?? findPublished(lines),
    language,
  };
}

/**
 * Converts a document too large for Readability: its whole body, less the page chrome (see
 * dropPageChrome), parsed, sanitized and walked a piece of at least `pieceChars` characters at a
 * time (see htmlPieceBreaks), so that no DOM of the whole document is ever built, and each piece's
 * garbage is collected before the next (see nextPiece). Title: <title>,
 * else the first h1; author, date and language as convertHtml finds them, without Readability.
 * @throws GlossError('too-complex') when elements nest deeper than MAX_HTML_DEPTH.
 */
async function convertLargeHtml(html: string, pieceChars: number): Promise<Converted> {
  const cuts = [0, ...htmlPieceBreaks(html, pieceChars), html.length];
  const sink = blockSink();
  const collectGarbage = garbageCollector();
  let head: PieceHead = { title: null, author: null, published: null, language: null, h1: null };
  for (let i = 0; i + 1 < cuts.length; i++) {
    head = convertPiece(html.slice(cuts[i], cuts[i + 1]), sink, head, i === 0);
    await nextPiece(collectGarbage);
  }
  const { text, blocks } = finishSink(sink);
  const lines = edgeLines(text);
  return {
    text,
    blocks,
    title: head.title ?? head.h1,
    author: cleanByline(head.author) ?? findAuthor(lines),
    published: normalizeDate(head.published) ?? findPublished(lines),
    language: head.language,
  };
}

/** What the pieces of a large document tell of it: its head's title, meta tags and `lang` (first piece), and its first h1. */
interface PieceHead {
  title: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
  h1: string | null;
}

/**
 * Parses, sanitizes and walks one piece of a large document into `sink`; returns `head` with what
 * this piece adds to it. Nothing of the piece's DOM outlives the call (the caller collects it): no
 * selector is asked of it (see dropPageChrome).
 */
function convertPiece(piece: string, sink: BlockSink, head: PieceHead, first: boolean): PieceHead {
  const document = parseHtml(piece);
  const found = first
    ? {
        title: tidy(document.title),
        author: metaContent(document, AUTHOR_META),
        published: metaContent(document, PUBLISHED_META),
        language: statedLanguage(document.documentElement?.getAttribute('lang')),
        h1: null,
      }
    : head;
  found.h1 ??= tidy(document.getElementsByTagName('h1')[0]?.textContent);
  if (!document.body) return found;
  dropPageChrome(document.body);
  const converted = blocksFromHtml(sanitizeToFragment(document.body.innerHTML));
  shareText(converted.text, converted.blocks);
  appendConverted(sink, converted);
  return found;
}

/**
 * Lets the walked piece's DOM go before the next piece is parsed: the task ends first, then the
 * garbage is collected. DOMPurify walks each piece with a NodeIterator, which jsdom tracks through
 * a WeakRef, and a WeakRef keeps its target (and with it the whole piece's document) alive until
 * the task that made it ends: converting every piece in one task kept every piece's DOM.
 */
async function nextPiece(collectGarbage: () => void): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

/** Makes each block's html that equals its text a slice of `text`, so that the text is held once. */
function shareText(text: string, blocks: Block[]): void {
  for (const block of blocks) {
    const own = text.slice(block.start, block.end);
    if (block.html === own) block.html = own;
  }
}

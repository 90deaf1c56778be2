import type { Block, TocMark } from '../../../../shared/model/article';
import { BLOCK_SEPARATOR, BLOCK_TAGS, blocksFromHtml, type TextWithBlocks } from '../blocks';
import { decode } from '../decode';
import { parseHtml } from '../dom';
import { checkHtmlDepth } from '../limits';
import { checkXmlDepth } from './xml-depth';
import { documentTextPlaces, mapOrigins } from './cfi-map';
import { parseXml } from './package';
import { chapterPreparer, PLACEHOLDER, prepareBody, type BookPlaces } from './rewrite';
import { sanitizeChapter } from './sanitize-chapter';
import type { TocEntry } from './toc';

/** One document of the spine: its entry name and bytes. */
export interface Chapter {
  path: string;
  bytes: Uint8Array;
  /** CFI steps from the package to the chapter's itemref, e.g. "/6/4[chap01ref]"; blocks get no origin without. */
  cfi?: string;
}

/**
 * A spine document's text as a parsed document: as XHTML when it is well-formed, else as HTML. Its nesting is
 * checked before each parser builds a tree: from the XML markup (checkXmlDepth), then, for HTML, by the
 * HTML rules (checkHtmlDepth).
 * @throws GlossError('too-complex') for a document nested deeper than MAX_HTML_DEPTH.
 */
export function parseChapter(bytes: Uint8Array): Document {
  const { text } = decode(bytes, 'utf-8');
  checkXmlDepth(text);
  const xml = parseXml(text, 'application/xhtml+xml');
  // The sanitizer keeps only XHTML elements: a document without the XHTML namespace is read as HTML.
  if (xml?.documentElement?.namespaceURI === XHTML) {
    if (text.includes('<![CDATA[')) cdataToText(xml.documentElement);
    return xml;
  }
  checkHtmlDepth(text);
  return parseHtml(text);
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const CDATA_SECTION_NODE = 4;

/**
 * Replaces each CDATA section under `root` by a text node of the same text: the sanitizer drops CDATA
 * sections, and with them their text. A CFI counts both alike (see documentTextPlaces).
 */
function cdataToText(root: Node): void {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === CDATA_SECTION_NODE) {
      const text = root.ownerDocument!.createTextNode(child.nodeValue ?? '');
      root.replaceChild(text, child);
      child = text;
    } else cdataToText(child);
  }
}

/**
 * Converts a book's spine, in order, into one canonical text with blocks,
 * through the same sanitizer as HTML articles (no Readability: every part of
 * a chapter is the book's), each chapter parsed once and sanitized in place.
 * Each table of contents entry marks the first block with text at or after
 * the place it leads to (`Block.toc`): a chapter's start, or the element its
 * fragment names (the start of the block holding it). Entries leading to no
 * spine document are left out. Links between chapters and footnote
 * references become `#gloss-link-<offset>` and `#gloss-note-<offset>`, the
 * canonical offset of their target (its chapter's start when the fragment
 * is not found); images of the book are kept as `<img data-image alt>` (see
 * prepareChapter) in image blocks. Wrapper ids are numbered across the whole
 * book. Each block of a chapter with a `cfi` keeps its origin in the
 * original XHTML (see mapOrigins).
 * @throws GlossError('too-complex') for a chapter nested deeper than Gloss reads.
 */
export function convertChapters(
  chapters: Chapter[],
  toc: TocEntry[],
  images: Map<string, string> = new Map(),
): TextWithBlocks {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const targets = new Map<string, number>();
  const book: BookPlaces = { spine: new Set(chapters.map((c) => c.path)), images, targets: new Map() };
  let offset = 0;
  let wrapperBase = 0;

  for (const chapter of chapters) {
    if (!targets.has(chapter.path)) targets.set(chapter.path, offset);
    const document = parseChapter(chapter.bytes);
    const body = firstBody(document);
    if (!body) continue;
    const places = chapter.cfi === undefined ? [] : documentTextPlaces(document);
    prepareBody(body, chapter.path, book);
    sanitizeChapter(body, chapterPreparer(chapter.path, book, isBlock));
    const converted = blocksFromHtml(body, (id, at) => {
      const key = `${chapter.path}#${id}`;
      if (!targets.has(key)) targets.set(key, offset + at);
    });
    if (converted.blocks.length === 0) continue;
    let highest = -1;
    // The chapter's blocks are its own: moved to the book's offsets and wrapper ids in place.
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
    if (chapter.cfi !== undefined) mapOrigins(places, converted.text, offset, converted.blocks, chapter.cfi);
    if (converted.text) {
      parts.push(converted.text);
      offset += converted.text.length + BLOCK_SEPARATOR.length;
    }
  }
  const text = parts.join(BLOCK_SEPARATOR);
  const at = (path: string, fragment: string | null): number | undefined => {
    const offset = (fragment ? targets.get(`${path}#${fragment}`) : undefined) ?? targets.get(path);
    return offset === undefined ? undefined : Math.min(text.length, offset);
  };
  placeToc(blocks, toc, at);
  resolveLinks(blocks, book.targets, at);
  return { text, blocks };
}

/** Puts each entry's mark on the first block with text at or after where it leads. */
function placeToc(
  blocks: Block[],
  toc: TocEntry[],
  at: (path: string, fragment: string | null) => number | undefined,
): void {
  for (const entry of toc) {
    const offset = at(entry.path, entry.fragment);
    if (offset === undefined) continue;
    let index = firstStartingAt(blocks, offset);
    while (index < blocks.length && blocks[index]!.end === blocks[index]!.start) index++;
    const block = blocks[index < blocks.length ? index : blocks.length - 1];
    if (block) block.toc = [...(block.toc ?? []), mark(entry)];
  }
}

/** The index of the first block starting at or after `offset` (blocks are in order), or `blocks.length`. */
function firstStartingAt(blocks: Block[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (blocks[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Replaces each link's target number by the canonical offset it leads to. */
function resolveLinks(
  blocks: Block[],
  targets: Map<string, number>,
  at: (path: string, fragment: string | null) => number | undefined,
): void {
  if (targets.size === 0) return;
  const offsets: number[] = [];
  for (const [key, index] of targets) {
    const hash = key.indexOf('#');
    const offset = hash < 0 ? at(key, null) : at(key.slice(0, hash), key.slice(hash + 1));
    offsets[index] = offset ?? 0;
  }
  for (const block of blocks) {
    if (!block.html?.includes('#gloss-')) continue;
    block.html = block.html.replace(PLACEHOLDER, (_, kind: string, index: string) => {
      return `<a href="#gloss-${kind}-${offsets[Number(index)] ?? 0}"`;
    });
  }
}

/** The document's first `<body>` in document order (as getElementsByTagNameNS('*', 'body')[0]), found without listing every element. */
function firstBody(root: Node): Element | null {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if ((child as Element).localName === 'body') return child as Element;
    const found = firstBody(child);
    if (found) return found;
  }
  return null;
}

const ELEMENT_NODE = 1;

const isBlock = (name: string): boolean => BLOCK_TAGS.has(name);

const mark = (entry: TocEntry): TocMark => ({ label: entry.label.normalize('NFC'), level: entry.level });

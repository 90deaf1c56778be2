import type { Block, TocMark } from '../../../../shared/model/article';
import { BLOCK_SEPARATOR, blocksFromHtml, type TextWithBlocks } from '../blocks';
import { decode } from '../decode';
import { parseHtml } from '../dom';
import { checkHtmlDepth } from '../limits';
import { sanitizeToFragment } from '../sanitize';
import { mapOrigins } from './cfi-map';
import { elements, parseXml } from './package';
import type { TocEntry } from './toc';

/** One document of the spine: its entry name and bytes. */
export interface Chapter {
  path: string;
  bytes: Uint8Array;
  /** CFI steps from the package to the chapter's itemref, e.g. "/6/4[chap01ref]"; blocks get no origin without. */
  cfi?: string;
}

/** A spine document's text as a parsed document: as XHTML when it is well-formed, else as HTML. */
export function parseChapter(bytes: Uint8Array): Document {
  const { text } = decode(bytes, 'utf-8');
  checkHtmlDepth(text);
  return parseXml(text, 'application/xhtml+xml') ?? parseHtml(text);
}

/** The element a fragment names (`id`, or an old-style `<a name>`), if there is one. */
function target(document: Document, fragment: string): Element | null {
  return (
    document.getElementById(fragment) ??
    elements(document, 'a').find((anchor) => anchor.getAttribute('name') === fragment) ??
    null
  );
}

/** The body's content split before each of `cuts` (elements inside it, in document order), serialized. */
function split(document: Document, body: Element, cuts: Element[]): string[] {
  const parts: string[] = [];
  const range = document.createRange();
  range.setStart(body, 0);
  for (const cut of [...cuts, null]) {
    if (cut) range.setEndBefore(cut);
    else range.setEnd(body, body.childNodes.length);
    const container = document.createElementNS(body.namespaceURI, 'div');
    container.append(range.cloneContents());
    parts.push(container.innerHTML);
    if (cut) range.setStartBefore(cut);
  }
  return parts;
}

/**
 * Converts a book's spine, in order, into one canonical text with blocks,
 * through the same sanitizer as HTML articles (no Readability: every part of
 * a chapter is the book's). Each table of contents entry marks the first
 * block at or after the place it leads to (`Block.toc`): a chapter's start,
 * or the element its fragment names. Entries leading to no spine document
 * are left out. Wrapper ids are numbered across the whole book. Each block
 * of a chapter with a `cfi` keeps its origin in the original XHTML (see mapOrigins).
 * @throws GlossError('too-complex') for a chapter nested deeper than Gloss reads.
 */
export function convertChapters(chapters: Chapter[], toc: TocEntry[]): TextWithBlocks {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  let wrapperBase = 0;
  let pending: TocMark[] = [];

  const append = (converted: TextWithBlocks): void => {
    if (converted.blocks.length === 0) return;
    let highest = -1;
    for (const block of converted.blocks) {
      const shifted: Block = { ...block, start: block.start + offset, end: block.end + offset };
      if (block.wrap) {
        shifted.wrap = block.wrap.map((wrapper) => {
          highest = Math.max(highest, wrapper.id);
          return { ...wrapper, id: wrapper.id + wrapperBase };
        });
      }
      if (pending.length > 0) {
        shifted.toc = pending;
        pending = [];
      }
      blocks.push(shifted);
    }
    wrapperBase += highest + 1;
    parts.push(converted.text);
    offset += converted.text.length + BLOCK_SEPARATOR.length;
  };

  for (const chapter of chapters) {
    const document = parseChapter(chapter.bytes);
    const body = elements(document, 'body')[0];
    const entries = toc.filter((entry) => entry.path === chapter.path);
    if (!body) {
      pending.push(...entries.map(mark));
      continue;
    }
    const cuts = new Map<Element, TocEntry[]>();
    const atStart: TocEntry[] = [];
    for (const entry of entries) {
      const element = entry.fragment ? target(document, entry.fragment) : null;
      if (element && element !== body && body.contains(element))
        cuts.set(element, [...(cuts.get(element) ?? []), entry]);
      else atStart.push(entry);
    }
    const ordered = [...cuts.keys()].sort((a, b) =>
      a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1,
    );
    const pieces = split(document, body, ordered);
    pending.push(...atStart.map(mark));
    const [firstBlock, firstPart, chapterStart] = [blocks.length, parts.length, offset];
    pieces.forEach((html, index) => {
      if (index > 0) pending.push(...(cuts.get(ordered[index - 1]!) ?? []).map(mark));
      append(blocksFromHtml(sanitizeToFragment(html)));
    });
    if (chapter.cfi !== undefined) {
      const chapterText = parts.slice(firstPart).join(BLOCK_SEPARATOR);
      mapOrigins(document, chapterText, chapterStart, blocks.slice(firstBlock), chapter.cfi);
    }
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}

const mark = (entry: TocEntry): TocMark => ({ label: entry.label.normalize('NFC'), level: entry.level });

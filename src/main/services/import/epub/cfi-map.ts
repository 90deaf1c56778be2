import type { Block, BlockOrigin } from '../../../../shared/model/article';
import { cfiSteps, escapeCfi } from '../../../../shared/export/cfi';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
/** Elements whose text never reaches the canonical text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
]);
/** Characters of text searched for a node that does not follow on where the last one ended. */
const SEARCH_WINDOW = 4096;
/** The characters above U+009F that `\s` matches, by code: a test per letter of Vietnamese text was slow. */
const WIDE_SPACES = new Set([
  0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

/** True for the code of whitespace as blocksFromHtml collapses it (`\s`, no-break spaces included); false for NaN. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 0xa0 && WIDE_SPACES.has(code));
}

/**
 * The EPUB CFI step of an element among its parent's children: its even
 * index (2 for the first element child) and its id as an assertion, e.g.
 * "/4[body01]".
 */
export function cfiStep(element: Element): string {
  let index = 2;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling)
    index += 2;
  const id = element.getAttribute('id');
  return id ? `/${index}[${escapeCfi(id)}]` : `/${index}`;
}

/**
 * A text node's text, where it lies (its parent's CFI steps from the root element and its own odd step
 * number; joined only for text that is mapped, most nodes being indentation) and the offset its text starts
 * at within its chunk.
 */
export interface TextPlace {
  value: string;
  parent: string;
  step: number;
  base: number;
}

/**
 * The text nodes of a spine document in document order, with their CFI steps, skipping those of elements
 * whose text is dropped: read before the document is changed (sanitized), for mapOrigins.
 */
export function documentTextPlaces(document: Document): TextPlace[] {
  return document.documentElement ? textPlaces(document.documentElement, '') : [];
}

/** The text nodes under `root` in document order, skipping those of elements whose text is dropped. */
function textPlaces(root: Element, prefix: string, out: TextPlace[] = []): TextPlace[] {
  let elementIndex = 0;
  let chunkLength = 0;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      elementIndex++;
      chunkLength = 0;
      const element = child as Element;
      if (SKIPPED.has(element.localName.toLowerCase())) continue;
      // Most elements have no attributes, so no id to read.
      const id = element.hasAttributes() ? element.getAttribute('id') : null;
      textPlaces(element, `${prefix}/${2 * elementIndex}${id ? `[${escapeCfi(id)}]` : ''}`, out);
    } else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      const value = child.nodeValue ?? '';
      out.push({ value, parent: prefix, step: 2 * elementIndex + 1, base: chunkLength });
      chunkLength += value.length;
    }
  }
  return out;
}

/** A run of canonical text that follows one text node character for character. */
type Run = { at: number; path: string; offset: number; length: number };

/**
 * Matches one node's text against the canonical text from `from`, as blocksFromHtml made it (whitespace
 * collapsed, NFC, blank lines between blocks): the runs it makes and where it ends, or null when the node's
 * text is not there.
 */
function align(value: string, path: string, base: number, text: string, from: number, end: number) {
  const runs: Run[] = [];
  let i = 0;
  let j = from;
  let run: Run | null = null;
  // Characters are compared by code: reading them as strings makes a string for each non-Latin-1 letter.
  while (i < value.length && j <= end) {
    const char = value.charCodeAt(i);
    const at = j < end ? text.charCodeAt(j) : NaN;
    // Whitespace the import collapsed to one space follows on from its first character.
    if (char === at || (at === 32 && isSpace(char))) {
      if (!run || run.at + run.length !== j || run.offset + run.length !== base + i) {
        run = { at: j, path, offset: base + i, length: 0 };
        runs.push(run);
      }
      run.length++;
      i++;
      j++;
      if (isSpace(char)) while (isSpace(value.charCodeAt(i))) i++;
    } else if (isSpace(char)) i++;
    else if (isSpace(at)) j++;
    else return null;
  }
  return i < value.length ? null : { runs, end: j };
}

/**
 * Records in each block (`origin`) where its text lies in the spine
 * document it was converted from (`places`, see documentTextPlaces), so that an EPUB CFI can be made for any
 * range later without the book. `blocks` are that document's, in order, and
 * `text` the part of the book's canonical text they lie in, starting at
 * canonical offset `shift`; `doc` is the CFI path of the document's itemref
 * (set on the first block). Text the sanitizer
 * dropped is passed over; a block whose text matches no node gets no runs.
 */
export function mapOrigins(
  places: TextPlace[],
  text: string,
  shift: number,
  blocks: Block[],
  doc: string,
): void {
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return;
  const runs: Run[] = [];
  let cursor = first.start - shift;
  const end = last.end - shift;
  for (const place of places) {
    if (place.value.trim() === '') continue;
    const value = place.value.normalize('NFC');
    const path = `${place.parent}/${place.step}`;
    let aligned = align(value, path, place.base, text, cursor, end);
    if (!aligned) {
      const found = text.indexOf(value.trim().slice(0, 32), cursor);
      const trimmed = value.trimStart();
      if (found >= 0 && found < cursor + SEARCH_WINDOW && found < end)
        aligned = align(trimmed, path, place.base + value.length - trimmed.length, text, found, end);
    }
    if (!aligned) continue;
    for (const run of aligned.runs) {
      run.at += shift;
      runs.push(run);
    }
    cursor = aligned.end;
  }
  let r = 0;
  blocks.forEach((block, index) => {
    const origin: BlockOrigin = { runs: [] };
    if (index === 0) origin.doc = doc;
    const own: [number, string, number][] = [];
    while (r < runs.length && runs[r]!.at + runs[r]!.length <= block.start) r++;
    for (let k = r; k < runs.length && runs[k]!.at < block.end; k++) {
      const run = runs[k]!;
      const at = Math.max(run.at, block.start);
      own.push([at - block.start, run.path, run.offset + at - run.at]);
    }
    block.origin = shareSteps(own, origin);
  });
}

/**
 * Says once what an origin's runs repeat: the steps they all start with (its block's element, mostly) go to
 * `at`, and a run in the same node as the one before it names no node.
 */
function shareSteps(runs: [number, string, number][], origin: BlockOrigin): BlockOrigin {
  const [first, ...rest] = runs;
  if (!first) return origin;
  const shared = cfiSteps(first[1]).slice(0, -1);
  let length = shared.length;
  let previous = first[1];
  for (const run of rest) {
    // Runs in the same node as the one before share its steps: nothing more to compare.
    if (run[1] === previous) continue;
    previous = run[1];
    const steps = cfiSteps(run[1]);
    let same = 0;
    while (same < length && same < steps.length - 1 && steps[same] === shared[same]) same++;
    length = same;
  }
  const at = shared.slice(0, length).join('');
  if (at) origin.at = at;
  origin.runs = runs.map(([offset, path, nodeOffset], i) =>
    i > 0 && path === runs[i - 1]![1] ? [offset, nodeOffset] : [offset, path.slice(at.length), nodeOffset],
  );
  return origin;
}

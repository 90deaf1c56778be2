import type { Block } from '../model/article';
import { blockNear } from '../text/blocks';

/** What a FragmentSelector holding an EPUB CFI names as its `conformsTo`. */
export const EPUB_CFI_SPEC = 'http://www.idpf.org/epub/linking/cfi/epub-cfi.html';

/** Escapes the characters EPUB CFI reserves (`^ [ ] ( ) , ; =`) with a circumflex, as in an id assertion. */
export function escapeCfi(value: string): string {
  return value.replace(/[\^[\](),;=]/g, '^$&');
}

/** One step of a CFI path: a child index and perhaps an id assertion, whose reserved characters are escaped. */
const STEP = /\/\d+(?:\[(?:\^.|[^\]^])*\])?/g;

/** The steps of a CFI path, e.g. ["/4[body01]", "/10"] for "/4[body01]/10"; an id may hold a "/". */
export function cfiSteps(path: string): string[] {
  return path.match(STEP) ?? [];
}

/** A place in the original XHTML: its document's spine steps, the steps to a text node, an offset in it. */
interface Point {
  doc: string;
  steps: string[];
  offset: number;
}

/** The spine steps of the document block `index` comes from: its own, or the nearest earlier block's. */
function documentOf(blocks: readonly Block[], index: number): string | null {
  for (let i = index; i >= 0; i--) {
    const doc = blocks[i]!.origin?.doc;
    if (doc !== undefined) return doc;
  }
  return null;
}

/** The point in the original XHTML of canonical offset `offset`, seen from block `index`. */
function pointAt(blocks: readonly Block[], index: number, offset: number): Point | null {
  const block = blocks[index];
  const runs = block?.origin?.runs;
  const doc = documentOf(blocks, index);
  if (!block || !runs || runs.length === 0 || doc === null) return null;
  const within = Math.min(Math.max(offset - block.start, 0), block.end - block.start);
  let run = runs[0]!;
  let path = '';
  for (const candidate of runs) {
    if (candidate[0] > within) break;
    run = candidate;
    if (candidate.length === 3) path = candidate[1];
  }
  const [runStart, nodeOffset] = run.length === 3 ? [run[0], run[2]] : run;
  const steps = cfiSteps((block.origin?.at ?? '') + path);
  return { doc, steps, offset: nodeOffset + Math.max(0, within - runStart) };
}

/**
 * The EPUB CFI (`epubcfi(…)`) of the canonical range [start, end) of a book,
 * from the `origin` its blocks keep of the original XHTML: a range CFI whose
 * parent is the deepest element both ends share (e.g.
 * `epubcfi(/6/4[chap01ref]!/4[body01]/10[para05],/2/1:1,/3:4)`). Offsets are
 * UTF-16 units of the original text nodes. Null when the blocks keep no
 * origin, or the range spans two documents of the spine (a CFI range cannot).
 */
export function epubCfi(blocks: Block[], start: number, end: number): string | null {
  if (blocks.length === 0 || end <= start) return null;
  const from = pointAt(blocks, blockNear(blocks, start), start);
  const to = pointAt(blocks, blockNear(blocks, end - 1), end);
  if (!from || !to || from.doc !== to.doc) return null;
  let common = 0;
  const shared = Math.min(from.steps.length, to.steps.length) - 1;
  while (common < shared && from.steps[common] === to.steps[common]) common++;
  const parent = from.steps.slice(0, common).join('');
  const local = (point: Point) => `${point.steps.slice(common).join('')}:${point.offset}`;
  return `epubcfi(${from.doc}!${parent},${local(from)},${local(to)})`;
}

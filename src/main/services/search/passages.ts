import type { Block } from '../../../shared/model/article';

/** A stretch of an article's canonical text indexed as one search document; UTF-16 offsets, end exclusive. */
export interface PassageRange {
  start: number;
  end: number;
}

/**
 * Cuts an article into passages of about `target` UTF-16 units: consecutive
 * blocks are merged until a passage reaches `target`, and a block longer
 * than twice `target` is cut at spaces. An article without blocks is treated
 * as one block. Passages follow each other without gaps and cover the whole
 * text (text between blocks joins the passage after it, text after the last
 * block the last passage), so every word of the text is in one passage.
 */
export function splitPassages(text: string, blocks: readonly Block[], target: number): PassageRange[] {
  const ranges = blocks.length > 0 ? blocks : [{ start: 0, end: text.length }];
  const passages: PassageRange[] = [];
  let open: PassageRange | undefined;
  for (const block of ranges) {
    if (block.end <= block.start) continue;
    if (block.end - block.start > 2 * target) {
      if (open) passages.push(open);
      open = undefined;
      passages.push(...cutLongBlock(text, block, target));
      continue;
    }
    open = open ? { start: open.start, end: block.end } : { start: block.start, end: block.end };
    if (open.end - open.start >= target) {
      passages.push(open);
      open = undefined;
    }
  }
  if (open) passages.push(open);
  passages.forEach((passage, i) => {
    passage.start = i === 0 ? 0 : (passages[i - 1] as PassageRange).end;
  });
  const last = passages.at(-1);
  if (last) last.end = text.length;
  else if (text.length > 0) passages.push({ start: 0, end: text.length });
  return passages;
}

function cutLongBlock(text: string, block: PassageRange, target: number): PassageRange[] {
  const pieces: PassageRange[] = [];
  let start = block.start;
  while (block.end - start > target * 1.5) {
    let cut = text.lastIndexOf(' ', start + target);
    if (cut <= start + target / 2) cut = start + target;
    if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: block.end });
  return pieces;
}

/** True for the second half of a surrogate pair: a text cut must not fall just before it. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

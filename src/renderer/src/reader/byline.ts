import { fold } from '../../../shared/text/fold';
import type { Block } from '../../../shared/model/article';
import type { ReaderContent } from '../state/types';

/** Folded, with runs of white space as one space: for comparing a line with a name. */
const folded = (words: string) => fold(words).replace(/\s+/g, ' ').trim();

/** Blocks at each end of an article where a printed byline is looked for. */
const EDGE_BLOCKS = 6;

/** Where the reader shows the author: under the title heading the text opens with, or above the text. */
export interface BylinePlacement {
  author: string;
  /** 'title': under the article's first block, a heading (its title); 'header': above the text. */
  under: 'title' | 'header';
}

/**
 * Where to show the article's author, or null when there is none or the text prints it already (a
 * block near the start or end that reads as the author's name, accents and case aside), so it is not
 * shown twice. Decided once the whole text is here.
 */
export function bylinePlacement(content: ReaderContent): BylinePlacement | null {
  const author = content.article.author?.trim();
  if (!author || !content.whole) return null;
  const { blocks, text } = content;
  const line = (b: Block) => folded(text.slice(b.start, b.end));
  const name = folded(author);
  const edges = [...blocks.slice(0, EDGE_BLOCKS), ...blocks.slice(-EDGE_BLOCKS)];
  const printed = edges.some((b) => {
    const words = line(b);
    return words === name || words.replace(/^(by|boi|tac gia|theo)\s*:?\s*/, '') === name;
  });
  if (printed) return null;
  const first = blocks[0];
  // A book opens with its first chapter's heading, not its title: the author goes above it.
  const titled =
    first &&
    /^h[1-3]$/.test(first.kind) &&
    (content.article.format !== 'epub' || line(first) === folded(content.article.title));
  return { author, under: titled ? 'title' : 'header' };
}

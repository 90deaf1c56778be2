import type { CSSProperties } from 'react';
import type { Block } from '../../../shared/model/article';

/**
 * The reader page's measures, declared once: the stylesheet reads them as custom properties (set on
 * the page by {@link readerLayoutStyle}) and the height estimates of blocks not rendered use the same.
 */
export const READER_LAYOUT = {
  /** Line height of the text, as a multiple of the font size. */
  lineHeight: 1.7,
  /** Space after each block, in em. */
  blockGap: 0.9,
  /** Largest width of the page, padding included, in px. */
  pageWidth: 640,
} as const;

/** The custom properties `--reader-line-height`, `--reader-block-gap` and `--reader-page-width`. */
export function readerLayoutStyle(): CSSProperties {
  return {
    '--reader-line-height': String(READER_LAYOUT.lineHeight),
    '--reader-block-gap': `${READER_LAYOUT.blockGap}em`,
    '--reader-page-width': `${READER_LAYOUT.pageWidth}px`,
  } as CSSProperties;
}

/**
 * Estimated heights (px) of blocks at `fontSize` px, as prefix sums: entry i is the estimated top of
 * block i, entry `blocks.length` the height of them all. Spacers stand in for blocks not rendered.
 */
export function estimatedOffsets(blocks: Block[], fontSize: number): Float64Array {
  const lineHeight = fontSize * READER_LAYOUT.lineHeight;
  const charsPerLine = Math.max(20, Math.floor(READER_LAYOUT.pageWidth / (fontSize * 0.5)));
  const sums = new Float64Array(blocks.length + 1);
  blocks.forEach((b, i) => {
    const lines = Math.max(1, Math.ceil((b.end - b.start) / charsPerLine));
    sums[i + 1] = (sums[i] ?? 0) + lines * lineHeight + fontSize * READER_LAYOUT.blockGap;
  });
  return sums;
}

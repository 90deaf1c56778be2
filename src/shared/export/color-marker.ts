import type { HighlightColor } from '../model/annotation';
import type { ExportWords } from './words';

/** How Markdown export shows a highlight's colour. */
export type ColorMarkerStyle = 'emoji' | 'text' | 'none';

/** The styles, in the order an interface offers them. */
export const COLOR_MARKER_STYLES: readonly ColorMarkerStyle[] = ['emoji', 'text', 'none'];

/** A coloured emoji per highlight colour: compact, and shown in colour by Obsidian and most editors. */
export const COLOR_EMOJI: Readonly<Record<HighlightColor, string>> = {
  yellow: '🟨',
  red: '🟥',
  green: '🟩',
  blue: '🟦',
  purple: '🟪',
  magenta: '💗',
  orange: '🟧',
  gray: '⬜',
};

/** The marker for `color` in `style`: "🟨", "Colour: yellow" (in the language of `words`), or "" for none. */
export function colorMarker(
  color: HighlightColor,
  style: ColorMarkerStyle,
  words: Pick<ExportWords, 'colour'> = { colour: (c) => `Colour: ${c}` },
): string {
  if (style === 'none') return '';
  return style === 'text' ? words.colour(color) : COLOR_EMOJI[color];
}

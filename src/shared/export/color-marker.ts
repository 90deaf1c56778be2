import type { HighlightColor } from '../model/annotation';

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

/** The marker for `color` in `style`: "🟨", "Colour: yellow", or "" for none. */
export function colorMarker(color: HighlightColor, style: ColorMarkerStyle): string {
  if (style === 'none') return '';
  return style === 'text' ? `Colour: ${color}` : COLOR_EMOJI[color];
}

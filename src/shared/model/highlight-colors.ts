/** The eight highlight colours, in key order 1–8 (no zod here, so the renderer can load it alone). */
export const HIGHLIGHT_COLORS = [
  'yellow',
  'red',
  'green',
  'blue',
  'purple',
  'magenta',
  'orange',
  'gray',
] as const;
/** One of HIGHLIGHT_COLORS. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

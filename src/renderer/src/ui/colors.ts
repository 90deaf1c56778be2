import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model/highlight-colors';

/** How one highlight colour is named and drawn. */
export interface HighlightStyle {
  /** Human name, as shown in labels and tooltips. */
  label: string;
  /** Solid CSS colour of swatches and borders. */
  swatch: string;
  /** Translucent CSS colour painted behind highlighted text, readable on every theme. */
  wash: string;
}

/**
 * The one declaration of the highlight colours' names and CSS values. Elements carrying
 * `data-color="<name>"` get them as the custom properties `--swatch` and `--wash` (see
 * {@link colorRules}); the stylesheets use only those properties.
 */
export const HIGHLIGHT_STYLES: Readonly<Record<HighlightColor, HighlightStyle>> = {
  yellow: { label: 'Yellow', swatch: '#ffd400', wash: 'rgb(255 212 0 / 0.45)' },
  red: { label: 'Red', swatch: '#ff6666', wash: 'rgb(255 102 102 / 0.4)' },
  green: { label: 'Green', swatch: '#5fb236', wash: 'rgb(95 178 54 / 0.38)' },
  blue: { label: 'Blue', swatch: '#2ea8e5', wash: 'rgb(46 168 229 / 0.38)' },
  purple: { label: 'Purple', swatch: '#a28ae5', wash: 'rgb(162 138 229 / 0.42)' },
  magenta: { label: 'Magenta', swatch: '#e56eee', wash: 'rgb(229 110 238 / 0.38)' },
  orange: { label: 'Orange', swatch: '#f19837', wash: 'rgb(241 152 55 / 0.42)' },
  gray: { label: 'Gray', swatch: '#aaaaaa', wash: 'rgb(170 170 170 / 0.45)' },
};

/** The colour of number key `key` ("1"–"8"), or undefined for any other key. */
export function colorOfKey(key: string): HighlightColor | undefined {
  return /^[1-8]$/.test(key) ? HIGHLIGHT_COLORS[Number(key) - 1] : undefined;
}

/** CSS rules, one per colour in key order, setting `--swatch` and `--wash` on `[data-color="<name>"]`. */
export function colorRules(): string[] {
  return HIGHLIGHT_COLORS.map((name) => {
    const { swatch, wash } = HIGHLIGHT_STYLES[name];
    return `[data-color="${name}"] { --swatch: ${swatch}; --wash: ${wash}; }`;
  });
}

/**
 * Adds {@link colorRules} to `doc` as a constructed stylesheet (allowed by the renderer's
 * `style-src 'self'` policy, unlike a `<style>` element). Call once, before the first render.
 */
export function installColorRules(doc: Document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(colorRules().join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

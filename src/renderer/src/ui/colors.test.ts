import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../shared/model/annotation';
import { colorOfKey, colorRules, HIGHLIGHT_STYLES } from './colors';

const STYLES = path.join(import.meta.dirname, '../styles');

describe('highlight colours', () => {
  it('are styled once each, in key order, through data-color', () => {
    expect(Object.keys(HIGHLIGHT_STYLES).sort()).toEqual([...HIGHLIGHT_COLORS].sort());
    expect(colorRules()).toHaveLength(HIGHLIGHT_COLORS.length);
    expect(colorRules()[0]).toBe(
      '[data-color="yellow"] { --swatch: #ffd400; --wash: rgb(255 212 0 / 0.45); }',
    );
    expect(HIGHLIGHT_COLORS.map((c) => colorOfKey(String(HIGHLIGHT_COLORS.indexOf(c) + 1)))).toEqual([
      ...HIGHLIGHT_COLORS,
    ]);
    expect(colorOfKey('9')).toBeUndefined();
  });

  it('are named by no stylesheet: the stylesheets use only --swatch and --wash', () => {
    for (const file of readdirSync(STYLES)) {
      const css = readFileSync(path.join(STYLES, file), 'utf8');
      for (const color of HIGHLIGHT_COLORS)
        expect(css, `${file} names ${color}`).not.toMatch(new RegExp(`\\b${color}\\b`));
      for (const { swatch } of Object.values(HIGHLIGHT_STYLES))
        expect(css, `${file} has ${swatch}`).not.toContain(swatch);
    }
  });
});

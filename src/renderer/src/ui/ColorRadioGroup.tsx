import { useRef, type KeyboardEvent } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model/highlight-colors';
import { HIGHLIGHT_STYLES } from './colors';

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The highlight colours as a radio group: one tab stop (the checked colour), arrow keys move to and
 * choose the next or previous colour, Home and End the first and last.
 */
export function ColorRadioGroup({
  value,
  onChange,
  label = 'Colour',
}: {
  value: HighlightColor;
  onChange: (color: HighlightColor) => void;
  label?: string;
}) {
  const group = useRef<HTMLDivElement>(null);
  const choose = (index: number) => {
    const count = HIGHLIGHT_COLORS.length;
    const color = HIGHLIGHT_COLORS[(index + count) % count]!;
    onChange(color);
    group.current?.querySelector<HTMLElement>(`[data-color="${color}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const current = HIGHLIGHT_COLORS.indexOf(value);
    if (e.key in NEXT) choose(current + NEXT[e.key]!);
    else if (e.key === 'Home') choose(0);
    else if (e.key === 'End') choose(HIGHLIGHT_COLORS.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div ref={group} role="radiogroup" aria-label={label} className="swatches" onKeyDown={onKeyDown}>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={value === c}
          tabIndex={value === c ? 0 : -1}
          aria-label={HIGHLIGHT_STYLES[c].label}
          title={HIGHLIGHT_STYLES[c].label}
          className="swatch"
          data-color={c}
          onClick={() => onChange(c)}
        />
      ))}
    </div>
  );
}

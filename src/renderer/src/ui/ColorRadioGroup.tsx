import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model/highlight-colors';

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The highlight colours as a radio group: one tab stop (the checked colour), arrow keys move to and
 * choose the next or previous colour, Home and End the first and last.
 */
export function ColorRadioGroup({
  value,
  onChange,
  label,
}: {
  value: HighlightColor;
  onChange: (color: HighlightColor) => void;
  /** The group's accessible name; "Colour" in the user's language by default. */
  label?: string;
}) {
  const { t } = useTranslation();
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
    <div
      ref={group}
      role="radiogroup"
      aria-label={label ?? t('editor.colour')}
      className="swatches"
      onKeyDown={onKeyDown}
    >
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={value === c}
          tabIndex={value === c ? 0 : -1}
          aria-label={t(`colours.${c}`)}
          title={t(`colours.${c}`)}
          className="swatch"
          data-color={c}
          onClick={() => onChange(c)}
        />
      ))}
    </div>
  );
}

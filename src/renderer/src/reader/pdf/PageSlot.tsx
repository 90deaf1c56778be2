import { memo, useCallback, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/**
 * One page's place in the PDF reader: a region of the page's size (CSS pixels, `gap` below it) that
 * holds the drawn page (`children`) while it is live, and registers itself in `slots` at `index`.
 * Memoized, so that of a 500-page book only the pages whose props change render again.
 */
export const PageSlot = memo(function PageSlot({
  index,
  name,
  width,
  height,
  gap,
  areaMode,
  slots,
  onKeyDown,
  children,
}: {
  index: number;
  /** The region's accessible name (the page and its label). */
  name: string;
  width: number;
  height: number;
  gap: number;
  /** Area-drawing mode: the page can be focused and says how to draw with the keyboard. */
  areaMode: boolean;
  slots: RefObject<(HTMLDivElement | null)[]>;
  onKeyDown: (index: number, e: KeyboardEvent<HTMLElement>) => void;
  children?: ReactNode;
}) {
  const register = useCallback(
    (element: HTMLDivElement | null) => void (slots.current[index] = element),
    [slots, index],
  );
  return (
    <div
      ref={register}
      className="pdf-page"
      data-page-index={index}
      aria-label={name}
      aria-describedby={areaMode ? 'pdf-area-help' : undefined}
      role="region"
      tabIndex={areaMode ? 0 : undefined}
      onKeyDown={(e) => onKeyDown(index, e)}
      style={{ width, height, marginBottom: gap }}
    >
      {children}
    </div>
  );
});

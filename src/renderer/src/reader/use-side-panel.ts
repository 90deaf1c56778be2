import { useCallback, useEffect, useState } from 'react';

/** Widths at which the side panel floats over the text instead of taking a column. */
export const NARROW_READER_QUERY = '(max-width: 999px)';

/** The side panel's state: open or not, and whether the window is narrow (the panel is then an overlay). */
export interface SidePanel {
  open: boolean;
  narrow: boolean;
  setOpen(open: boolean): void;
  toggle(): void;
}

/**
 * Whether the reader's side panel is shown. It starts open in a wide window and closed in a narrow one,
 * and follows the window across that width; the reader can toggle it at any size.
 */
export function useSidePanel(): SidePanel {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_READER_QUERY).matches);
  const [open, setOpen] = useState(!narrow);
  useEffect(() => {
    const query = window.matchMedia(NARROW_READER_QUERY);
    const onChange = (e: MediaQueryListEvent) => {
      setNarrow(e.matches);
      setOpen(!e.matches);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  return { open, narrow, setOpen, toggle };
}

import { createElement, useEffect, useState, type ComponentType, type ReactElement } from 'react';

/** The reader's code (pdf.js, mark.js, the article and notes views), loaded apart from the library's. */
const loadReader = () => import('../reader/ReaderView');

/**
 * The reader's view when `needed` and its code is here, else null. The code is fetched when the page
 * is idle once `prefetch` holds, at once when `needed`. It is kept as state rather than shown through
 * lazy() and Suspense: React reveals a suspended view no sooner than 300 ms after its fallback was
 * shown, and lazy() suspends on its first render even when the code is already loaded, so every first
 * opening of an article in a window would wait that long for its first screen.
 */
export function useReaderView(prefetch: boolean, needed: boolean): ReactElement | null {
  const [view, setView] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (view || !(prefetch || needed)) return;
    let live = true;
    const load = () =>
      void loadReader().then((m) => {
        if (live) setView(() => m.ReaderView);
      });
    if (needed) {
      load();
      return () => {
        live = false;
      };
    }
    const idle = requestIdleCallback(load);
    return () => {
      live = false;
      cancelIdleCallback(idle);
    };
  }, [view, prefetch, needed]);
  return needed && view ? createElement(view) : null;
}

/** Time to wait for a page to paint what is to be revealed before giving up, ms. */
const REVEAL_WAIT_MS = 5000;

/**
 * Scrolls the element `find` returns into view (`block` as in `scrollIntoView`) once `page` has
 * painted it (at once when it is there already; `find` is asked again on each change of elements or text-layer runs inside
 * `page`, for up to 5 s). Returns the cleanup that stops waiting.
 */
export function revealWhenPainted(
  page: HTMLElement,
  block: ScrollLogicalPosition,
  find: () => Element | null,
): () => void {
  const reveal = (): boolean => {
    const target = find();
    target?.scrollIntoView({ block });
    return target !== null;
  };
  if (reveal()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (reveal()) stop();
  });
  const timer = setTimeout(() => stop(), REVEAL_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(page, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-run'] });
  return stop;
}

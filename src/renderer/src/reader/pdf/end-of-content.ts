import { useEffect } from 'react';

/** The class of the element that ends each text layer (as pdf.js' viewer names it). */
export const END_OF_CONTENT = 'endOfContent';

/** Appends the element that ends a page's text layer (see `useEndOfContent`). */
export function appendEndOfContent(textLayer: HTMLElement): void {
  const end = document.createElement('div');
  end.className = END_OF_CONTENT;
  textLayer.append(end);
}

/** Puts a text layer's end element back at its end and the layer out of its selecting state. */
function reset(textLayer: Element): void {
  const end = textLayer.querySelector(`.${END_OF_CONTENT}`);
  if (end && end !== textLayer.lastElementChild) textLayer.append(end);
  textLayer.classList.remove('selecting');
}

/**
 * Keeps a selection dragged in a PDF's text layers to the text it is dragged over, as pdf.js'
 * viewer does (text_layer_builder.js): while a selection is made, each text layer's end element
 * covers the whole page beneath the text and sits in the DOM right after the text where the
 * selection ends, so the pointer over empty space (below a line's end, between columns) extends
 * the selection to there and not to the end of the page (the other column). Listens on the
 * document while `root` (the PDF's pages) is mounted.
 */
export function useEndOfContent(root: HTMLElement | null): void {
  useEffect(() => {
    if (!root) return;
    const layers = (): Element[] => [...root.querySelectorAll('.textLayer')];
    let pointerDown = false;
    let previous: Range | null = null;
    const onPointerDown = (event: PointerEvent): void => {
      pointerDown = true;
      const layer = (event.target as Element | null)?.closest?.('.textLayer');
      if (layer && root.contains(layer)) layer.classList.add('selecting');
    };
    const onPointerUp = (): void => {
      pointerDown = false;
      layers().forEach(reset);
    };
    const onKeyUp = (): void => {
      if (!pointerDown) layers().forEach(reset);
    };
    const onSelectionChange = (): void => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) {
        previous = null;
        return layers().forEach(reset);
      }
      const range = selection.getRangeAt(0);
      for (const layer of layers()) {
        if (range.intersectsNode(layer)) layer.classList.add('selecting');
        else reset(layer);
      }
      // The end that moves: the start when the end stayed where it was.
      const movingStart =
        previous !== null &&
        (range.compareBoundaryPoints(Range.END_TO_END, previous) === 0 ||
          range.compareBoundaryPoints(Range.START_TO_END, previous) === 0);
      previous = range.cloneRange();
      let anchor: Node | null = movingStart ? range.startContainer : range.endContainer;
      if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
      if (!movingStart && range.endOffset === 0 && anchor) {
        // The end is at the start of an element: the text it ends after is that of the one before.
        while (anchor && !anchor.previousSibling) anchor = anchor.parentNode;
        anchor = anchor?.previousSibling ?? null;
        while (anchor?.lastChild) anchor = anchor.lastChild;
        if (anchor?.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
      }
      const element = anchor instanceof Element ? anchor : null;
      const layer = element?.parentElement?.closest('.textLayer');
      const end = layer?.querySelector(`.${END_OF_CONTENT}`);
      if (!element || !layer || !end || element === end || !root.contains(layer)) return;
      element.parentElement?.insertBefore(end, movingStart ? element : element.nextSibling);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    document.addEventListener('keyup', onKeyUp);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('keyup', onKeyUp);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [root]);
}

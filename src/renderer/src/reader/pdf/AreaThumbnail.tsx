import { useEffect, useRef, useState } from 'react';
import type { PdfArea } from '../../../../shared/model/annotation';
import { toViewRect } from '../../../../shared/pdf/rects';
import { useOpenPdf } from './pdf-document-context';

/** The largest a thumbnail is drawn, in CSS pixels (the panel's width narrows it further). */
const MAX_WIDTH = 240;
const MAX_HEIGHT = 140;

/**
 * An area highlight's picture in the notes panel: its rectangle of the page drawn by pdf.js from the
 * PDF the reader has open, at the screen's pixel ratio, no larger than MAX_WIDTH × MAX_HEIGHT CSS
 * pixels; an image named `label` for assistive technology. Nothing is shown while the PDF is not open
 * (its password not given) or when its page cannot be drawn. Clicking it calls `onOpen`.
 */
export function AreaThumbnail({ area, label, onOpen }: { area: PdfArea; label: string; onOpen: () => void }) {
  const doc = useOpenPdf();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { page: index } = area;
  const { x, y, width, height } = area.rect;
  // The page's rotation, known once it is loaded, may turn the rectangle; until then it is drawn upright.
  const [size, setSize] = useState(() => fitted(width, height));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const target = canvas.current;
    if (!doc || !target) return;
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    void (async () => {
      const page = await doc.getPage(index + 1);
      if (cancelled) return;
      const view = toViewRect(page.getViewport({ scale: 1 }), { x, y, width, height });
      const shown = fitted(view.width, view.height);
      const pixels = shown.scale * window.devicePixelRatio;
      target.width = Math.max(1, Math.round(view.width * pixels));
      target.height = Math.max(1, Math.round(view.height * pixels));
      setSize(shown);
      const render = page.render({
        canvas: target,
        viewport: page.getViewport({ scale: pixels }),
        transform: [1, 0, 0, 1, -view.left * pixels, -view.top * pixels],
      });
      task = render;
      await render.promise;
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, index, x, y, width, height]);

  if (!doc || failed) return null;
  return (
    <canvas
      ref={canvas}
      className="area-thumbnail"
      role="img"
      aria-label={label}
      style={{ width: `${size.width}px`, aspectRatio: `${size.width} / ${size.height}` }}
      onClick={onOpen}
    />
  );
}

/** The CSS size of a `width` × `height` point rectangle drawn within MAX_WIDTH × MAX_HEIGHT, and its scale. */
function fitted(width: number, height: number): { width: number; height: number; scale: number } {
  const scale = Math.min(MAX_WIDTH / width, MAX_HEIGHT / height);
  return { width: width * scale, height: height * scale, scale };
}

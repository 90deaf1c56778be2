import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PageViewport, PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import type { Annotation, PdfRect } from '../../../../shared/model/annotation';
import type { Page } from '../../../../shared/model/article';
import { textRuns } from '../../../../shared/pdf/lines';
import { pageText, type PageText } from '../../../../shared/pdf/page-text';
import type { PdfPlace } from '../../../../shared/pdf/destination';
import { toViewRect, type ViewRect } from '../../../../shared/pdf/rects';
import { appendEndOfContent } from './end-of-content';
import { pageLinks, type PageLink } from './links';
import { spanPieces } from './text-map';

/** What a drawn page knows to map its text layer onto the canonical text. */
export interface PageTextLayer {
  layout: PageText;
  spans: HTMLElement[];
  /** The viewport the page is drawn in (its scale and rotation). */
  viewport: PageViewport;
}

/** An area highlight drawn on a page: its rectangle in PDF points. */
export interface AreaMark {
  id: string;
  rect: PdfRect;
  color: Annotation['color'];
  selected: boolean;
}

/**
 * A canonical range painted on a page: a highlight or a find match. With `rects` (a highlight's
 * rectangles on this page, in PDF points, as stored when it was made) it is painted there; else
 * from the text layer's glyphs of `start`–`end`.
 */
export interface PaintedRange {
  key: string;
  start: number;
  end: number;
  className: string;
  color?: Annotation['color'];
  rects?: readonly PdfRect[];
}

/**
 * One page drawn by pdf.js: the canvas at the screen's pixel ratio, the text layer over it, the
 * painted ranges (highlights, find matches) over both, and the page's links on top: a link inside
 * the document calls `onGoTo`, a web link opens in the system browser. Area highlights are drawn from
 * their PDF rectangles through the page's viewport; clicking one calls `onSelectArea`. `draft` is an
 * area being drawn (CSS pixels). Mounted only near the view.
 */
export function PdfPage({
  doc,
  index,
  scale,
  page,
  ranges,
  areas,
  draft,
  onTextLayer,
  onDrawn,
  onGoTo,
  onSelectArea,
}: {
  doc: PDFDocumentProxy;
  index: number;
  scale: number;
  /** The page's place in the canonical text, once known. */
  page: Page | undefined;
  ranges: readonly PaintedRange[];
  areas: readonly AreaMark[];
  draft: ViewRect | null;
  onTextLayer: (index: number, layer: PageTextLayer | null) => void;
  /** Told with true once the canvas and the text layer are drawn (or failed), with false when it goes. */
  onDrawn: (index: number, drawn: boolean) => void;
  onGoTo: (place: PdfPlace) => void;
  onSelectArea: (id: string) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<PageTextLayer | null>(null);
  const [links, setLinks] = useState<PageLink[]>([]);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  const [boxes, setBoxes] = useState<{ key: string; range: PaintedRange; rect: DOMRect }[]>([]);
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const cleanups: (() => void)[] = [];
    void (async () => {
      const pdfjs = await import('pdfjs-dist');
      const pdfPage = await doc.getPage(index + 1);
      // A page scrolled away lets go of what pdf.js keeps for it (operator list, text), as its viewer does.
      cleanups.push(() => pdfPage.cleanup());
      if (cancelled || !canvas.current || !textLayer.current) return;
      const viewport = pdfPage.getViewport({ scale });
      setViewport(viewport);
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      delete c.dataset.drawn;
      // Its pixels go at once when the page leaves, not when the canvas is collected.
      cleanups.push(() => void ((c.width = 0), (c.height = 0)));
      const render = pdfPage.render({
        canvas: c,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      cleanups.push(() => render.cancel());
      // Marks the canvas once pdf.js has drawn it (what the bench and the tests wait for).
      render.promise.then(
        () => void (cancelled || (c.dataset.drawn = 'true')),
        () => undefined,
      );
      const content = await pdfPage.getTextContent({
        includeMarkedContent: true,
        disableNormalization: true,
      });
      if (cancelled) return;
      const [x0, , x1] = pdfPage.view as [number, number, number, number];
      const layout = pageText(textRuns(content.items), (x0 + x1) / 2);
      textLayer.current.replaceChildren();
      const text = new pdfjs.TextLayer({
        textContentSource: content,
        container: textLayer.current,
        viewport,
      });
      cleanups.push(() => text.cancel());
      await text.render();
      if (cancelled) return;
      appendEndOfContent(textLayer.current);
      const spans = text.textDivs;
      spans.forEach((span, run) => (span.dataset.run = String(run)));
      const ready = { layout, spans, viewport };
      setLayer(ready);
      onTextLayer(index, ready);
      const found = await pageLinks(doc, pdfPage, viewport);
      if (!cancelled) setLinks(found);
      await render.promise.catch(() => undefined);
    })().finally(() => cancelled || onDrawn(index, true));
    return () => {
      cancelled = true;
      cleanups.forEach((cleanup) => cleanup());
      onTextLayer(index, null);
      onDrawn(index, false);
    };
  }, [doc, index, scale, onTextLayer, onDrawn]);

  useLayoutEffect(() => {
    const root = element.current;
    if (!root || !viewport) return setBoxes([]);
    const origin = root.getBoundingClientRect();
    const next: typeof boxes = [];
    for (const range of ranges) {
      if (range.rects) {
        range.rects.forEach((stored, i) => {
          const at = toViewRect(viewport, stored);
          next.push({
            key: `${range.key}:r${i}`,
            range,
            rect: new DOMRect(at.left, at.top, at.width, at.height),
          });
        });
        continue;
      }
      if (!layer || !page) continue;
      const pieces = spanPieces(
        layer.layout.runs,
        range.start - page.start,
        range.end - page.start,
        (run) => layer.spans[run]?.textContent?.length ?? 0,
      );
      pieces.forEach((piece, i) => {
        const node = layer.spans[piece.run]?.firstChild;
        if (!node) return;
        const dom = document.createRange();
        dom.setStart(node, piece.start);
        dom.setEnd(node, piece.end);
        for (const [j, r] of [...dom.getClientRects()].entries()) {
          const rect = new DOMRect(r.left - origin.left, r.top - origin.top, r.width, r.height);
          next.push({ key: `${range.key}:${i}:${j}`, range, rect });
        }
      });
    }
    setBoxes(next);
  }, [layer, page, ranges, viewport]);

  return (
    <div className="pdf-page-content" ref={element}>
      <canvas ref={canvas} className="pdf-canvas" />
      <div className="pdf-paint" aria-hidden="true">
        {boxes.map(({ key, range, rect }) => (
          <div
            key={key}
            className={range.className}
            data-color={range.color}
            style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
          />
        ))}
      </div>
      <div ref={textLayer} className="textLayer" />
      <div className="pdf-areas">
        {viewport &&
          areas.map((area) => {
            const at = toViewRect(viewport, area.rect);
            return (
              <button
                key={area.id}
                type="button"
                className={area.selected ? 'pdf-area pdf-area-selected' : 'pdf-area'}
                data-color={area.color}
                aria-label={t('pdf.areaHighlight', { page: page?.label ?? String(index + 1) })}
                aria-pressed={area.selected}
                style={{ left: at.left, top: at.top, width: at.width, height: at.height }}
                onClick={() => onSelectArea(area.id)}
              />
            );
          })}
        {draft && (
          <div
            className="pdf-area-draft"
            style={{ left: draft.left, top: draft.top, width: draft.width, height: draft.height }}
          />
        )}
      </div>
      <div className="pdf-links">
        {links.map((link, i) => (
          <a
            key={i}
            href={'url' in link.to ? link.to.url : `#page=${link.to.place.index + 1}`}
            aria-label={'url' in link.to ? link.to.url : t('pdf.goTo', { page: link.to.place.index + 1 })}
            style={{ left: link.left, top: link.top, width: link.width, height: link.height }}
            onClick={(e) => {
              // Links never navigate the reader: web links open in the browser, others move within the PDF.
              e.preventDefault();
              if ('url' in link.to) window.open(link.to.url, '_blank', 'noopener,noreferrer');
              else onGoTo(link.to.place);
            }}
          />
        ))}
      </div>
    </div>
  );
}

import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zoom, ZoomRequest } from './use-pdf-zoom';

/**
 * The PDF reader's toolbar: zoom out, the zoom level, zoom in, fit width, fit page, the area-highlight
 * mode (Alt+A), and the page field: it shows the page at the top of the view (its label as the PDF
 * defines it), and goes to the page typed there (by label, else by number from 1). `onGoTo` gets a page
 * index from 0.
 */
export function PdfControls({
  ref,
  labels,
  pageCount,
  current,
  zoom,
  scale,
  areaMode,
  onAreaMode,
  onZoom,
  onGoTo,
}: {
  ref: Ref<HTMLDivElement>;
  labels: readonly string[];
  pageCount: number;
  /** The page at the top of the view, from 0. */
  current: number;
  zoom: Zoom;
  scale: number;
  areaMode: boolean;
  onAreaMode: (on: boolean) => void;
  onZoom: (request: ZoomRequest) => void;
  onGoTo: (index: number) => void;
}) {
  const { t } = useTranslation();
  /** What is typed in the page field; null while it shows the current page. */
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <div ref={ref} className="pdf-controls" role="toolbar" aria-label={t('pdf.pages')}>
      <button
        type="button"
        aria-label={t('pdf.zoomOut')}
        aria-keyshortcuts="Control+-"
        onClick={() => onZoom('out')}
      >
        −
      </button>
      <output aria-label={t('pdf.zoom')}>{t('pdf.zoomValue', { percent: Math.round(scale * 100) })}</output>
      <button
        type="button"
        aria-label={t('pdf.zoomIn')}
        aria-keyshortcuts="Control++"
        onClick={() => onZoom('in')}
      >
        +
      </button>
      <button
        type="button"
        aria-pressed={zoom.kind === 'width'}
        aria-keyshortcuts="Control+0"
        onClick={() => onZoom({ kind: 'width' })}
      >
        {t('pdf.fitWidth')}
      </button>
      <button type="button" aria-pressed={zoom.kind === 'page'} onClick={() => onZoom({ kind: 'page' })}>
        {t('pdf.fitPage')}
      </button>
      <button
        type="button"
        aria-pressed={areaMode}
        aria-keyshortcuts="Alt+A"
        title={t('pdf.highlightAreaTitle')}
        onClick={() => onAreaMode(!areaMode)}
      >
        {t('pdf.highlightArea')}
      </button>
      {areaMode && (
        <span id="pdf-area-help" className="visually-hidden">
          {t('pdf.areaHelp')}
        </span>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const wanted = (typed ?? '').trim();
          const byLabel = labels.indexOf(wanted);
          const index = byLabel >= 0 ? byLabel : Number(wanted) - 1;
          if (wanted && Number.isInteger(index) && index >= 0 && index < pageCount) onGoTo(index);
          setTyped(null);
        }}
      >
        <label>
          {t('pdf.goToField')}{' '}
          <input
            value={typed ?? labels[current] ?? String(current + 1)}
            onFocus={(e) => e.target.select()}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={() => setTyped(null)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && typed !== null) {
                e.stopPropagation();
                setTyped(null);
              }
            }}
            size={4}
          />
        </label>
        <span className="muted"> {t('pdf.ofPages', { count: pageCount })}</span>
      </form>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Factor of one zoom step (buttons, Ctrl/Cmd + and −). */
export const ZOOM_STEP = 1.2;

/**
 * The PDF reader's toolbar: zoom out, the zoom level, zoom in, fit width, and go to page (by the
 * PDF's page label, else by number from 1), and the area-highlight mode (Alt+A). `onGoTo` gets a page
 * index from 0.
 */
export function PdfControls({
  labels,
  pageCount,
  scale,
  areaMode,
  onAreaMode,
  onZoom,
  onGoTo,
}: {
  labels: readonly string[];
  pageCount: number;
  scale: number;
  areaMode: boolean;
  onAreaMode: (on: boolean) => void;
  onZoom: (scale: number | 'fit') => void;
  onGoTo: (index: number) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  return (
    <div className="pdf-controls" role="toolbar" aria-label={t('pdf.pages')}>
      <button type="button" aria-label={t('pdf.zoomOut')} onClick={() => onZoom(scale / ZOOM_STEP)}>
        −
      </button>
      <output aria-label={t('pdf.zoom')}>{t('pdf.zoomValue', { percent: Math.round(scale * 100) })}</output>
      <button type="button" aria-label={t('pdf.zoomIn')} onClick={() => onZoom(scale * ZOOM_STEP)}>
        +
      </button>
      <button type="button" onClick={() => onZoom('fit')}>
        {t('pdf.fitWidth')}
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
          const byLabel = labels.indexOf(target.trim());
          const index = byLabel >= 0 ? byLabel : Number(target) - 1;
          if (Number.isInteger(index) && index >= 0 && index < pageCount) onGoTo(index);
        }}
      >
        <label>
          {t('pdf.goToField')} <input value={target} onChange={(e) => setTarget(e.target.value)} size={4} />
        </label>
        <span className="muted"> {t('pdf.ofPages', { count: pageCount })}</span>
      </form>
    </div>
  );
}

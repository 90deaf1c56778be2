import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfPlace } from '../../../../shared/pdf/destination';
import { pageAt } from '../../../../shared/pdf/pages';
import type { ReaderContent } from '../../state/types';
import { useStore } from '../../state/store';
import type { TextSelection } from '../ArticleBody';
import { PasswordDialog } from '../../ui/PasswordDialog';
import { usePdfDocument } from './use-pdf-document';
import { PdfControls } from './PdfControls';
import { PageSlot } from './PageSlot';
import { PdfPage, type AreaMark, type PageTextLayer, type PaintedRange } from './PdfPage';
import { revealWhenPainted } from './reveal';
import { spanPieces } from './text-map';
import { areaMarks, paintedRanges } from './painted';
import { canonicalPoint, selectionRects } from './selection';
import { useAreaDraw } from './use-area-draw';
import { useEndOfContent } from './end-of-content';
import { useLivePages } from './use-live-pages';
import { usePdfZoom } from './use-pdf-zoom';
import { useCurrentPage } from './use-current-page';
import { toPdfRect, type ViewRect } from '../../../../shared/pdf/rects';

const GAP = 12;

/**
 * A PDF article drawn page by page with pdf.js: placeholders of the right size, only the pages near
 * the view drawn (canvas and text layer), zoom (see `usePdfZoom`), go to page by label. Selections in
 * the text layer become canonical ranges; the highlights and find matches are painted from canonical
 * ranges.
 */
export function PdfBody({
  content,
  scroller,
  onSelection,
  onDocument,
}: {
  content: ReaderContent;
  scroller: HTMLElement | null;
  onSelection: (selection: TextSelection | null) => void;
  /** Told of the document once it is open, and of null when it is let go. */
  onDocument: (doc: PDFDocumentProxy | null) => void;
}) {
  const { t } = useTranslation();
  const describe = useStore((s) => s.describe);
  const { doc, size, failure, ask, retry } = usePdfDocument(content.article.id);
  useEffect(() => {
    onDocument(doc);
    return () => onDocument(null);
  }, [doc, onDocument]);
  const layers = useRef(new Map<number, PageTextLayer>());
  const placeholders = useRef<(HTMLDivElement | null)[]>([]);
  const annotations = useStore((s) => s.annotations);
  const find = useStore((s) => s.find);
  const selectedId = useStore((s) => s.selectedAnnotationId);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const createHighlight = useStore((s) => s.createHighlight);
  const [areaMode, setAreaMode] = useState(false);
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const scrollRequest = useStore((s) => s.scrollRequest);
  const pages = content.pages;
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
  const { zoom, scale, zoomTo } = usePdfZoom(scroller, size, placeholders, bar);
  const current = useCurrentPage(scroller, placeholders, bar, scale);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyA') {
        e.preventDefault();
        return setAreaMode((on) => !on);
      }
      if (
        areaMode &&
        e.key === 'Escape' &&
        !(e.target instanceof HTMLElement && e.target.dataset.pageIndex)
      ) {
        return setAreaMode(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [areaMode]);

  const pageCount = doc?.numPages ?? 0;
  const { live, onDrawn: onLiveDrawn } = useLivePages(scroller, placeholders, pageCount, scale);
  // The first page drawn, or none to be drawn for now, lets the whole text and highlights come.
  const pagesShown = useStore((s) => s.pdfPagesShown);
  const onDrawn = useCallback(
    (index: number, drawn: boolean) => {
      onLiveDrawn(index, drawn);
      if (drawn) pagesShown();
    },
    [onLiveDrawn, pagesShown],
  );
  useEffect(() => {
    if (ask || failure) pagesShown();
  }, [ask, failure, pagesShown]);

  const goToPage = useCallback((index: number, align: ScrollLogicalPosition = 'start') => {
    placeholders.current[index]?.scrollIntoView({ block: align });
  }, []);

  const pageHeight = size?.height ?? 0;
  const goToPlace = useCallback(
    (place: PdfPlace) => {
      const element = placeholders.current[place.index];
      if (!element || !scroller) return;
      const below = place.top === null ? 0 : Math.max(0, (pageHeight - place.top) * scale);
      const delta = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollBy({ top: delta + below });
    },
    [scroller, pageHeight, scale],
  );

  useEffect(() => {
    if (!scrollRequest || !pages || !doc) return;
    const page = pageAt(pages, scrollRequest.offset);
    const element = page && placeholders.current[page.index];
    if (!page || !element) return;
    goToPage(page.index, scrollRequest.align);
    const inPage = scrollRequest.offset - page.start;
    if (inPage <= 0 || scrollRequest.align !== 'start') return;
    return revealWhenPainted(element, 'start', () => {
      const layer = layers.current.get(page.index);
      const piece = layer && spanPieces(layer.layout.runs, inPage, inPage + 1, () => 1)[0];
      return piece ? (layer.spans[piece.run] ?? null) : null;
    });
  }, [scrollRequest, pages, doc, goToPage]);

  const currentMatch = find.current >= 0 ? find.matches.starts[find.current] : undefined;
  useEffect(() => {
    if (currentMatch === undefined || !pages || !doc) return;
    const page = pageAt(pages, currentMatch);
    const element = page && placeholders.current[page.index];
    if (!page || !element) return;
    goToPage(page.index, 'start');
    return revealWhenPainted(element, 'center', () => element.querySelector('.pdf-find-current'));
  }, [currentMatch, pages, doc, goToPage]);

  const onTextLayer = useCallback((index: number, layer: PageTextLayer | null) => {
    if (layer) layers.current.set(index, layer);
    else layers.current.delete(index);
  }, []);

  const onArea = useCallback(
    (index: number, rect: ViewRect) => {
      const viewport = layers.current.get(index)?.viewport;
      const pdfRect = viewport && toPdfRect(viewport, rect);
      if (!viewport || !pdfRect) return;
      const view = viewport.viewBox as [number, number, number, number];
      void createHighlight({ area: { page: index, rect: pdfRect, view } }, 'yellow');
    },
    [createHighlight],
  );
  const { draft, onPageKeyDown } = useAreaDraw(areaMode, body, onArea);
  useEndOfContent(body);
  const areasByPage = useMemo(() => areaMarks(annotations, selectedId), [annotations, selectedId]);

  const rangesByPage = useMemo(
    () => paintedRanges(pages, annotations, selectedId, find, currentMatch),
    [pages, annotations, selectedId, find, currentMatch],
  );

  const labels = useMemo(() => pages?.map((p) => p.label) ?? [], [pages]);
  // Named once per book (and language), not on each render of its pages.
  const names = useMemo(
    () => Array.from({ length: pageCount }, (_, i) => t('pdf.page', { label: labels[i] ?? String(i + 1) })),
    [labels, pageCount, t],
  );

  useEffect(() => {
    const onUp = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || !pages) return;
      const range = selection.getRangeAt(0);
      const start = canonicalPoint(range.startContainer, range.startOffset, pages, layers.current);
      const end = canonicalPoint(range.endContainer, range.endOffset, pages, layers.current);
      if (start === null || end === null) return;
      if (selection.isCollapsed || end <= start) {
        const hit = annotations.find(
          (a) => !a.target.area && a.target.position.start <= start && start < a.target.position.end,
        );
        if (hit) selectAnnotation(hit.id);
        return onSelection(null);
      }
      const rect = range.getBoundingClientRect();
      const pdf = selectionRects(range, placeholders.current, layers.current);
      onSelection({
        start,
        end,
        rect: { top: rect.top, left: rect.left, bottom: rect.bottom },
        ...(pdf.length > 0 ? { pdf } : {}),
      });
    };
    const root = scroller;
    root?.addEventListener('mouseup', onUp);
    root?.addEventListener('keyup', onUp);
    return () => {
      root?.removeEventListener('mouseup', onUp);
      root?.removeEventListener('keyup', onUp);
    };
  }, [scroller, pages, annotations, onSelection, selectAnnotation]);

  if (ask) {
    return (
      <PasswordDialog
        key={ask.attempt}
        file={content.article.title}
        wrong={ask.wrong}
        onSubmit={(password) => ask.answer(password)}
        onCancel={() => ask.answer(null)}
      />
    );
  }
  if (failure && 'password' in failure) {
    return (
      <p role="alert">
        {t('pdfPassword.closed')}{' '}
        <button type="button" onClick={retry}>
          {t('pdfPassword.ask')}
        </button>
      </p>
    );
  }
  if (failure) {
    return (
      <p role="alert">
        {'error' in failure ? describe(failure.error) : t('pdf.failed', { reason: failure.reason })}
      </p>
    );
  }
  if (!doc || !size) return <p aria-busy="true">{t('pdf.opening')}</p>;
  return (
    <div
      ref={setBody}
      className={areaMode ? 'pdf-body pdf-area-mode' : 'pdf-body'}
      style={{ ['--scale-factor' as string]: scale, ['--pdf-bar' as string]: `${bar?.offsetHeight ?? 0}px` }}
    >
      <PdfControls
        ref={setBar}
        labels={labels}
        pageCount={pageCount}
        current={current}
        zoom={zoom}
        scale={scale}
        areaMode={areaMode}
        onAreaMode={setAreaMode}
        onZoom={zoomTo}
        onGoTo={goToPage}
      />
      {names.map((name, index) => (
        <PageSlot
          key={index}
          index={index}
          name={name}
          width={size.width * scale}
          height={size.height * scale}
          gap={GAP}
          areaMode={areaMode}
          slots={placeholders}
          onKeyDown={onPageKeyDown}
        >
          {live.has(index) && (
            <PdfPage
              doc={doc}
              index={index}
              scale={scale}
              page={pages?.[index]}
              ranges={rangesByPage.get(index) ?? NONE}
              areas={areasByPage.get(index) ?? NO_AREAS}
              draft={draft?.index === index ? draft.rect : null}
              onTextLayer={onTextLayer}
              onDrawn={onDrawn}
              onGoTo={goToPlace}
              onSelectArea={selectAnnotation}
            />
          )}
        </PageSlot>
      ))}
    </div>
  );
}

const NONE: readonly PaintedRange[] = [];
const NO_AREAS: readonly AreaMark[] = [];

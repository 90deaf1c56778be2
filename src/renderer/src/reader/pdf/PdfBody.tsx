import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import type { PdfPlace } from '../../../../shared/pdf/destination';
import { pageAt } from '../../../../shared/pdf/pages';
import type { ApiError } from '../../../../shared/result';
import { api } from '../../api';
import type { ReaderContent } from '../../state/types';
import { useStore } from '../../state/store';
import type { TextSelection } from '../ArticleBody';
import { fromBase64, openPdf, type OpenPdf } from './pdfjs';
import { PdfControls, ZOOM_STEP } from './PdfControls';
import { PdfPage, type PageTextLayer, type PaintedRange } from './PdfPage';
import { revealWhenPainted } from './reveal';
import { pageOffset, spanPieces } from './text-map';

/** Pages kept drawn beyond the view, as a share of the view's height, each way. */
const KEEP_ALIVE = '150% 0px';
const GAP = 12;
const [MIN_ZOOM, MAX_ZOOM] = [0.25, 6];

type Zoom = { kind: 'fit' } | { kind: 'scale'; scale: number };

/**
 * A PDF article drawn page by page with pdf.js: placeholders of the right size, only the pages near
 * the view drawn (canvas and text layer), fit-width zoom by default with steps (Ctrl + and Ctrl −,
 * Ctrl 0 to fit), go to page by label. Selections in the text layer become canonical ranges; the
 * highlights and find matches are painted from canonical ranges.
 */
export function PdfBody({
  content,
  scroller,
  onSelection,
}: {
  content: ReaderContent;
  scroller: HTMLElement | null;
  onSelection: (selection: TextSelection | null) => void;
}) {
  const { t } = useTranslation();
  const describe = useStore((s) => s.describe);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // Worded when shown, so it follows the interface's language.
  const [failure, setFailure] = useState<{ error: ApiError } | { reason: string } | null>(null);
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fit' });
  const [viewWidth, setViewWidth] = useState(800);
  const [alive, setAlive] = useState<ReadonlySet<number>>(new Set([0]));
  const layers = useRef(new Map<number, PageTextLayer>());
  const placeholders = useRef<(HTMLDivElement | null)[]>([]);
  const annotations = useStore((s) => s.annotations);
  const find = useStore((s) => s.find);
  const selectedId = useStore((s) => s.selectedAnnotationId);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const scrollRequest = useStore((s) => s.scrollRequest);
  const id = content.article.id;
  const pages = content.pages;

  useEffect(() => {
    let open: OpenPdf | null = null;
    let cancelled = false;
    void (async () => {
      const file = await api.getArticleFile({ id });
      if (!file.ok) return setFailure({ error: file.error });
      try {
        open = await openPdf(fromBase64(file.value.data));
        if (cancelled) return open.close();
        const first = (await open.doc.getPage(1)).getViewport({ scale: 1 });
        if (cancelled) return;
        setSize({ width: first.width, height: first.height });
        setDoc(open.doc);
      } catch (error) {
        if (!cancelled) setFailure({ reason: (error as Error).message });
      }
    })();
    return () => {
      cancelled = true;
      open?.close();
    };
  }, [id]);

  useEffect(() => {
    if (!scroller) return;
    const observer = new ResizeObserver(() => setViewWidth(scroller.clientWidth));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  const scale = useMemo(() => {
    if (!size) return 1;
    return zoom.kind === 'fit' ? Math.max(MIN_ZOOM, (viewWidth - 48) / size.width) : zoom.scale;
  }, [size, zoom, viewWidth]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const step = e.key === '+' || e.key === '=' ? ZOOM_STEP : e.key === '-' ? 1 / ZOOM_STEP : null;
      if (e.key === '0') setZoom({ kind: 'fit' });
      else if (step) setZoom({ kind: 'scale', scale: clampZoom(scale * step) });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scale]);

  const pageCount = doc?.numPages ?? 0;
  useEffect(() => {
    if (!scroller || pageCount === 0) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setAlive((current) => {
          const next = new Set(current);
          for (const entry of entries) {
            const index = Number((entry.target as HTMLElement).dataset.pageIndex);
            if (entry.isIntersecting) next.add(index);
            else next.delete(index);
          }
          return next;
        }),
      { root: scroller, rootMargin: KEEP_ALIVE },
    );
    for (const element of placeholders.current.slice(0, pageCount)) if (element) observer.observe(element);
    return () => observer.disconnect();
  }, [scroller, pageCount, scale]);

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

  const rangesByPage = useMemo(
    () => paintedRanges(pages, annotations, selectedId, find, currentMatch),
    [pages, annotations, selectedId, find, currentMatch],
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
          (a) => a.target.position.start <= start && start < a.target.position.end,
        );
        if (hit) selectAnnotation(hit.id);
        return onSelection(null);
      }
      const rect = range.getBoundingClientRect();
      onSelection({ start, end, rect: { top: rect.top, left: rect.left, bottom: rect.bottom } });
    };
    const root = scroller;
    root?.addEventListener('mouseup', onUp);
    root?.addEventListener('keyup', onUp);
    return () => {
      root?.removeEventListener('mouseup', onUp);
      root?.removeEventListener('keyup', onUp);
    };
  }, [scroller, pages, annotations, onSelection, selectAnnotation]);

  if (failure) {
    return (
      <p role="alert">
        {'error' in failure ? describe(failure.error) : t('pdf.failed', { reason: failure.reason })}
      </p>
    );
  }
  if (!doc || !size) return <p aria-busy="true">{t('pdf.opening')}</p>;
  const labels = pages?.map((p) => p.label) ?? [];
  return (
    <div className="pdf-body" style={{ ['--scale-factor' as string]: scale }}>
      <PdfControls
        labels={labels}
        pageCount={pageCount}
        scale={scale}
        onZoom={(next) =>
          setZoom(next === 'fit' ? { kind: 'fit' } : { kind: 'scale', scale: clampZoom(next) })
        }
        onGoTo={goToPage}
      />
      {Array.from({ length: pageCount }, (_, index) => (
        <div
          key={index}
          ref={(element) => void (placeholders.current[index] = element)}
          className="pdf-page"
          data-page-index={index}
          aria-label={t('pdf.page', { label: labels[index] ?? String(index + 1) })}
          role="region"
          style={{ width: size.width * scale, height: size.height * scale, marginBottom: GAP }}
        >
          {alive.has(index) && (
            <PdfPage
              doc={doc}
              index={index}
              scale={scale}
              page={pages?.[index]}
              ranges={rangesByPage.get(index) ?? NONE}
              onTextLayer={onTextLayer}
              onGoTo={goToPlace}
            />
          )}
        </div>
      ))}
    </div>
  );
}

const NONE: readonly PaintedRange[] = [];

const clampZoom = (scale: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));

/** The canonical offset of a DOM point inside a page's text layer, or null outside one. */
function canonicalPoint(
  node: Node,
  offset: number,
  pages: NonNullable<ReaderContent['pages']>,
  layers: ReadonlyMap<number, PageTextLayer>,
): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  let span = element?.closest<HTMLElement>('[data-run]') ?? null;
  let within = span && node.nodeType === Node.TEXT_NODE ? offset : 0;
  if (!span && element?.classList.contains('textLayer')) {
    // A point between spans: the start of the span after it (or the end of the last one).
    const after = element.childNodes[offset] as Element | undefined;
    span = after?.closest?.('[data-run]') ?? element.querySelector<HTMLElement>('[data-run]:last-of-type');
    within = after ? 0 : (span?.textContent?.length ?? 0);
  }
  const pageElement = span?.closest<HTMLElement>('[data-page-index]');
  if (!span || !pageElement) return null;
  const index = Number(pageElement.dataset.pageIndex);
  const layer = layers.get(index);
  const page = pages[index];
  if (!layer || !page) return null;
  const inPage = pageOffset(layer.layout.runs, Number(span.dataset.run), within);
  return inPage === null ? null : page.start + inPage;
}

/** Highlights and find matches, by the page each starts on (one that runs on is painted on each page). */
function paintedRanges(
  pages: ReaderContent['pages'],
  annotations: ReturnType<typeof useStore.getState>['annotations'],
  selectedId: string | null,
  find: ReturnType<typeof useStore.getState>['find'],
  currentMatch: number | undefined,
): Map<number, PaintedRange[]> {
  const byPage = new Map<number, PaintedRange[]>();
  if (!pages) return byPage;
  const add = (range: PaintedRange) => {
    const first = pageAt(pages, range.start)?.index ?? 0;
    const last = pageAt(pages, Math.max(range.start, range.end - 1))?.index ?? first;
    for (let index = first; index <= last; index++) {
      const list = byPage.get(index) ?? [];
      list.push(range);
      byPage.set(index, list);
    }
  };
  for (const a of annotations) {
    if (a.deleted || a.orphaned) continue;
    const { start, end } = a.target.position;
    const className = a.id === selectedId ? 'pdf-hl pdf-hl-selected' : 'pdf-hl';
    add({ key: a.id, start, end, className, color: a.color });
  }
  // Find matches, or the passage a search result marked (find closed, one match).
  find.matches.starts.forEach((start, i) => {
    const end = find.matches.ends[i]!;
    const className = start === currentMatch ? 'pdf-find pdf-find-current' : 'pdf-find';
    add({ key: `find-${i}`, start, end, className });
  });
  return byPage;
}

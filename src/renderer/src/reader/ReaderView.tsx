import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { HighlightColor } from '../../../shared/model/annotation';
import { useStore } from '../state/store';
import { ArticleBody, selectRange, type TextSelection } from './ArticleBody';
import { LazyExportDialog } from '../library/LazyExportDialog';
import { colorOfKey } from '../ui/colors';
import { isComposing } from '../ui/composition';
import { useShownTheme } from '../ui/theme';
import { FindBar } from './FindBar';
import { readerLayoutStyle } from './layout';
import { bylinePlacement } from './byline';
import { detectLanguage } from '../../../shared/text/language';
import { PdfBody } from './pdf/PdfBody';
import { PdfDocumentContext } from './pdf/pdf-document-context';
import { PlaceStatus } from './PlaceStatus';
import { ReaderToolbar } from './ReaderToolbar';
import { SelectionToolbar } from './SelectionToolbar';
import { SidePanel, type SidePanelTab } from './SidePanel';
import { useSidePanel } from './use-side-panel';

/**
 * True when a key press is meant for a text field, not for a reader shortcut: the field it goes to, or
 * the one that has focus.
 */
export function isTyping(target: EventTarget | null): boolean {
  const isField = (el: Element | null) =>
    !!el && ((el as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  return isField(target as Element | null) || isField(document.activeElement);
}

/** The reader: article, selection toolbar, find bar and the notes/tags side panel. */
export function ReaderView() {
  const { t } = useTranslation();
  const content = useStore((s) => s.content);
  const settings = useStore((s) => s.settings);
  const theme = useShownTheme(settings.theme);
  const createHighlight = useStore((s) => s.createHighlight);
  const find = useStore((s) => s.find);
  const openFind = useStore((s) => s.openFind);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [panel, setPanel] = useState<SidePanelTab>('notes');
  // The open PDF, for the notes panel's pictures of area highlights.
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [focusEditor, setFocusEditor] = useState<'note' | 'tags' | null>(null);
  // Stable, so the editor's focus effect runs when asked to focus, not at every render of the reader.
  const editorFocused = useCallback(() => setFocusEditor(null), []);
  const [exporting, setExporting] = useState(false);
  const sidePanel = useSidePanel();
  const setOpenPanel = sidePanel.setOpen;
  const togglePanel = sidePanel.toggle;
  const selectedId = useStore((s) => s.selectedAnnotationId);
  // A highlight chosen in the text is shown in the side panel, which opens for it.
  useEffect(() => {
    if (selectedId) setOpenPanel(true);
  }, [selectedId, setOpenPanel]);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const article = useRef<HTMLElement>(null);
  const flushProgress = useStore((s) => s.flushProgress);

  // A reading position still waiting to be saved is saved when the page goes away.
  useEffect(() => {
    window.addEventListener('pagehide', flushProgress);
    return () => window.removeEventListener('pagehide', flushProgress);
  }, [flushProgress]);

  const highlight = useCallback(
    async (color: HighlightColor, then?: 'note' | 'tags') => {
      if (!selection) return;
      // The toolbar goes at once; the text stays selected until its highlight is painted.
      setSelection(null);
      const created = await createHighlight(
        { start: selection.start, end: selection.end, ...(selection.pdf ? { pdf: selection.pdf } : {}) },
        color,
      );
      window.getSelection()?.removeAllRanges();
      if (created && then) {
        setPanel('notes');
        setOpenPanel(true);
        setFocusEditor(then);
      }
    },
    [selection, createHighlight, setOpenPanel],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key an input method is composing with is never a shortcut.
      if (isComposing(e)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        openFind();
      } else if (mod && e.key === '\\') {
        e.preventDefault();
        togglePanel();
      } else if (mod && !isTyping(e.target) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void (e.shiftKey ? redo() : undo());
      } else if (mod && !isTyping(e.target) && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        void redo();
      } else if (selection && !mod && !e.altKey && colorOfKey(e.key) && !isTyping(e.target)) {
        e.preventDefault();
        void highlight(colorOfKey(e.key)!);
      } else if (selection && e.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
        setSelection(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, highlight, openFind, undo, redo, togglePanel]);

  // Opening an article puts the keyboard in its text, so PageDown, Space and the arrows scroll at once.
  const articleId = content?.article.id;
  useEffect(() => {
    if (articleId) scroller?.focus({ preventScroll: true });
  }, [articleId, scroller]);

  // The language the document states, else the one its letters show.
  const language = useMemo(
    () => content?.article.language ?? (content?.whole ? detectLanguage(content.text) : null),
    [content],
  );
  if (!content) return null;
  const byline = bylinePlacement(content);
  const selectCurrentMatch = () => {
    const root = article.current;
    if (find.current < 0 || !root) return;
    const match = { start: find.matches.starts[find.current]!, end: find.matches.ends[find.current]! };
    selectRange(root, content.blocks, match.start, match.end);
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    setSelection({
      ...match,
      rect: { top: rect?.top ?? 0, left: rect?.left ?? 0, bottom: rect?.bottom ?? 0 },
    });
  };

  return (
    <div className={`reader theme-${theme} font-${settings.font}`}>
      <ReaderToolbar
        title={content.article.title}
        articleId={content.article.id}
        panel={sidePanel}
        onExport={() => setExporting(true)}
        scroller={scroller}
      />
      {exporting && (
        <LazyExportDialog
          scopes={[{ label: t('exporting.thisArticle'), scope: { kind: 'article', id: content.article.id } }]}
          onClose={() => setExporting(false)}
        />
      )}
      {find.open && <FindBar onSelectMatch={selectCurrentMatch} />}
      <div
        className={`reader-body${sidePanel.open ? '' : ' panel-closed'}${sidePanel.narrow ? ' narrow' : ''}`}
      >
        <div
          className="reader-scroll"
          ref={setScroller}
          tabIndex={0}
          role="region"
          aria-label={t('reader.readingArea')}
        >
          <div
            className="reader-page"
            lang={language ?? undefined}
            style={{ ...readerLayoutStyle(), fontSize: `${settings.fontSize}px` }}
          >
            {byline?.under === 'header' && (
              <header className="article-header">
                <p className="byline">{byline.author}</p>
              </header>
            )}
            {content.article.format === 'pdf' ? (
              <PdfBody
                key={content.article.id}
                content={content}
                scroller={scroller}
                onSelection={setSelection}
                onDocument={setPdf}
              />
            ) : (
              <ArticleBody
                key={content.article.id}
                content={content}
                root={article}
                scroller={scroller}
                byline={byline?.under === 'title' ? byline.author : undefined}
                onSelection={setSelection}
              />
            )}
          </div>
        </div>
        {sidePanel.open && (
          <PdfDocumentContext.Provider value={pdf}>
            <SidePanel
              tab={panel}
              onTab={setPanel}
              focusEditor={focusEditor}
              onEditorFocused={editorFocused}
              onClose={sidePanel.narrow ? () => sidePanel.setOpen(false) : undefined}
              scroller={scroller}
            />
          </PdfDocumentContext.Provider>
        )}
      </div>
      <PlaceStatus scroller={scroller} />
      {selection && (
        <SelectionToolbar
          selection={selection}
          onHighlight={highlight}
          onReattach={() => {
            window.getSelection()?.removeAllRanges();
            setSelection(null);
          }}
        />
      )}
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { HighlightColor } from '../../../shared/model/annotation';
import { useStore } from '../state/store';
import { ArticleBody, selectRange, type TextSelection } from './ArticleBody';
import { ExportDialog } from '../library/ExportDialog';
import { api } from '../api';
import { colorOfKey } from '../ui/colors';
import { FindBar } from './FindBar';
import { readerLayoutStyle } from './layout';
import { NotesPanel } from './NotesPanel';
import { PdfBody } from './pdf/PdfBody';
import { ReaderSettingsMenu } from './ReaderSettingsMenu';
import { SelectionToolbar } from './SelectionToolbar';
import { TagPanel } from './TagPanel';

/** True when a key press is meant for a text field, not for a reader shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The reader: article, selection toolbar, find bar and the notes/tags side panel. */
export function ReaderView() {
  const content = useStore((s) => s.content);
  const settings = useStore((s) => s.settings);
  const closeArticle = useStore((s) => s.closeArticle);
  const createHighlight = useStore((s) => s.createHighlight);
  const find = useStore((s) => s.find);
  const openFind = useStore((s) => s.openFind);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [panel, setPanel] = useState<'notes' | 'tags'>('notes');
  const [focusEditor, setFocusEditor] = useState<'note' | 'tags' | null>(null);
  const [exporting, setExporting] = useState(false);
  const notify = useStore((s) => s.notify);
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
      const created = await createHighlight(selection.start, selection.end, color);
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      if (created && then) {
        setPanel('notes');
        setFocusEditor(then);
      }
    },
    [selection, createHighlight],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        openFind();
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
  }, [selection, highlight, openFind, undo, redo]);

  if (!content) return null;
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
    <div className={`reader theme-${settings.theme} font-${settings.font}`}>
      <div className="reader-toolbar" role="toolbar" aria-label="Reader">
        <button type="button" onClick={closeArticle}>
          ← Library
        </button>
        <h2 className="reader-title" title={content.article.title}>
          {content.article.title}
        </h2>
        <button type="button" onClick={openFind} aria-keyshortcuts="Control+F">
          Find
        </button>
        <button type="button" onClick={() => void copyNotes(content.article.id, notify)}>
          Copy notes
        </button>
        <button type="button" onClick={() => setExporting(true)}>
          Export…
        </button>
        <ReaderSettingsMenu />
      </div>
      {exporting && (
        <ExportDialog
          scopes={[{ label: 'This article', scope: { kind: 'article', id: content.article.id } }]}
          onClose={() => setExporting(false)}
        />
      )}
      {find.open && <FindBar onSelectMatch={selectCurrentMatch} />}
      <div className="reader-body">
        <div className="reader-scroll" ref={setScroller}>
          <div className="reader-page" style={{ ...readerLayoutStyle(), fontSize: `${settings.fontSize}px` }}>
            <header className="article-header">
              {content.article.author && <p className="byline">{content.article.author}</p>}
            </header>
            {content.article.format === 'pdf' ? (
              <PdfBody
                key={content.article.id}
                content={content}
                scroller={scroller}
                onSelection={setSelection}
              />
            ) : (
              <ArticleBody
                key={content.article.id}
                content={content}
                root={article}
                scroller={scroller}
                onSelection={setSelection}
              />
            )}
          </div>
        </div>
        <aside className="side-panel" aria-label="Side panel">
          <div role="tablist" aria-label="Panels" className="tabs">
            <button
              type="button"
              role="tab"
              aria-selected={panel === 'notes'}
              onClick={() => setPanel('notes')}
            >
              Notes
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={panel === 'tags'}
              onClick={() => setPanel('tags')}
            >
              Tags
            </button>
          </div>
          {panel === 'notes' ? (
            <NotesPanel focusEditor={focusEditor} onEditorFocused={() => setFocusEditor(null)} />
          ) : (
            <TagPanel onFilter={() => setPanel('notes')} />
          )}
        </aside>
      </div>
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

/** Copies an article's notes, as Markdown, to the clipboard. */
async function copyNotes(id: string, notify: (kind: 'info' | 'error', text: string) => void): Promise<void> {
  const result = await api.renderExport({ scope: { kind: 'article', id }, format: 'md' });
  const file = result.ok ? result.value.files[0] : undefined;
  if (!result.ok) return notify('error', result.error.message);
  if (!file) return notify('error', 'There was nothing to copy.');
  try {
    await navigator.clipboard.writeText(file.content);
    notify('info', 'Notes copied as Markdown.');
  } catch {
    notify('error', 'The clipboard refused the notes; use Export… instead.');
  }
}

import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentsPanel } from './ContentsPanel';
import { NotesPanel } from './NotesPanel';
import { TagPanel } from './TagPanel';

/** The side panel's tabs. */
export type SidePanelTab = 'contents' | 'notes' | 'tags';
type Tab = SidePanelTab;
const TABS: { id: Tab; label: `panel.${Tab}` }[] = [
  { id: 'contents', label: 'panel.contents' },
  { id: 'notes', label: 'panel.notes' },
  { id: 'tags', label: 'panel.tags' },
];

/**
 * The reader's side panel: tabs (contents, notes, tags; arrow keys move between them) over their tab panels. In a narrow
 * window it floats over the text and has a Close button; Escape closes it there.
 */
export function SidePanel({
  tab,
  onTab,
  focusEditor,
  onEditorFocused,
  onClose,
  scroller,
}: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  focusEditor: 'note' | 'tags' | null;
  onEditorFocused: () => void;
  /** Present when the panel floats over the text. */
  onClose?: () => void;
  /** The reading area, whose position the contents follow. */
  scroller: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const index = TABS.findIndex((entry) => entry.id === tab);
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    onTab(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <aside
      id="side-panel"
      className="side-panel"
      aria-label={t('panel.label')}
      onKeyDown={(e) => {
        if (onClose && e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <div className="side-panel-head">
        <div role="tablist" aria-label={t('panel.tabs')} className="tabs" ref={list} onKeyDown={onTabKey}>
          {TABS.map((tabInfo) => (
            <button
              key={tabInfo.id}
              id={`tab-${tabInfo.id}`}
              type="button"
              role="tab"
              aria-selected={tab === tabInfo.id}
              aria-controls={`tabpanel-${tabInfo.id}`}
              tabIndex={tab === tabInfo.id ? 0 : -1}
              onClick={() => onTab(tabInfo.id)}
            >
              {t(tabInfo.label)}
            </button>
          ))}
        </div>
        {onClose && (
          <button type="button" className="panel-close" aria-label={t('panel.close')} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={-1}>
        {tab === 'contents' && <ContentsPanel scroller={scroller} onJump={onClose} />}
        {tab === 'notes' && <NotesPanel focusEditor={focusEditor} onEditorFocused={onEditorFocused} />}
        {tab === 'tags' && <TagPanel onFilter={() => onTab('notes')} />}
      </div>
    </aside>
  );
}

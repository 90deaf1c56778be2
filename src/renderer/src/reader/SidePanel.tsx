import { useRef, type KeyboardEvent } from 'react';
import { NotesPanel } from './NotesPanel';
import { TagPanel } from './TagPanel';

type Tab = 'notes' | 'tags';
const TABS: { id: Tab; label: string }[] = [
  { id: 'notes', label: 'Notes' },
  { id: 'tags', label: 'Tags' },
];

/**
 * The reader's side panel: tabs (arrow keys move between them) over their tab panels. In a narrow
 * window it floats over the text and has a Close button; Escape closes it there.
 */
export function SidePanel({
  tab,
  onTab,
  focusEditor,
  onEditorFocused,
  onClose,
}: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  focusEditor: 'note' | 'tags' | null;
  onEditorFocused: () => void;
  /** Present when the panel floats over the text. */
  onClose?: () => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    onTab(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <aside
      id="side-panel"
      className="side-panel"
      aria-label="Side panel"
      onKeyDown={(e) => {
        if (onClose && e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <div className="side-panel-head">
        <div role="tablist" aria-label="Panels" className="tabs" ref={list} onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`tabpanel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => onTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {onClose && (
          <button type="button" className="panel-close" aria-label="Close the side panel" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={-1}>
        {tab === 'notes' ? (
          <NotesPanel focusEditor={focusEditor} onEditorFocused={onEditorFocused} />
        ) : (
          <TagPanel onFilter={() => onTab('notes')} />
        )}
      </div>
    </aside>
  );
}

import { api } from '../api';
import { useStore } from '../state/store';
import { ReaderSettingsMenu } from './ReaderSettingsMenu';
import { ReadingProgress } from './ReadingProgress';
import type { SidePanel } from './use-side-panel';

/**
 * The reader's toolbar: back to the library, the title (cut short with an ellipsis when long), find,
 * copy notes, export, display settings and the side panel's toggle; wraps onto a second row in a narrow
 * window. Its lower edge shows the reading progress.
 */
export function ReaderToolbar({
  title,
  articleId,
  panel,
  onExport,
  scroller,
}: {
  title: string;
  articleId: string;
  panel: SidePanel;
  onExport: () => void;
  scroller: HTMLElement | null;
}) {
  const closeArticle = useStore((s) => s.closeArticle);
  const openFind = useStore((s) => s.openFind);
  const notify = useStore((s) => s.notify);
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reader">
      <button type="button" onClick={closeArticle}>
        ← Library
      </button>
      <h2 className="reader-title" title={title}>
        {title}
      </h2>
      <div className="reader-actions">
        <button type="button" onClick={openFind} aria-keyshortcuts="Control+F">
          Find
        </button>
        <button type="button" onClick={() => void copyNotes(articleId, notify)}>
          Copy notes
        </button>
        <button type="button" onClick={onExport}>
          Export…
        </button>
        <ReaderSettingsMenu />
        <button
          type="button"
          aria-expanded={panel.open}
          aria-controls="side-panel"
          aria-keyshortcuts="Control+\"
          title="Show or hide the notes panel (Ctrl+\)"
          onClick={panel.toggle}
        >
          Notes panel
        </button>
      </div>
      <ReadingProgress scroller={scroller} />
    </div>
  );
}

/** Copies an article's notes, as clean Markdown (no front matter or markers), to the clipboard. */
async function copyNotes(id: string, notify: (kind: 'info' | 'error', text: string) => void): Promise<void> {
  const result = await api.renderExport({ scope: { kind: 'article', id }, format: 'md', clean: true });
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

import { useTranslation } from 'react-i18next';
import type { TFunction } from '../../../shared/i18n';
import type { ApiError } from '../../../shared/result';
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
  const { t } = useTranslation();
  const describe = useStore((s) => s.describe);
  const closeArticle = useStore((s) => s.closeArticle);
  const openFind = useStore((s) => s.openFind);
  const notify = useStore((s) => s.notify);
  return (
    <div className="reader-toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
      <button type="button" onClick={closeArticle}>
        {t('reader.back')}
      </button>
      <h2 className="reader-title" title={title}>
        {title}
      </h2>
      <div className="reader-actions">
        <button type="button" onClick={openFind} aria-keyshortcuts="Control+F">
          {t('reader.find')}
        </button>
        <button type="button" onClick={() => void copyNotes(articleId, notify, t, describe)}>
          {t('reader.copyNotes')}
        </button>
        <button type="button" onClick={onExport}>
          {t('reader.export')}
        </button>
        <ReaderSettingsMenu />
        <button
          type="button"
          aria-expanded={panel.open}
          aria-controls="side-panel"
          aria-keyshortcuts="Control+\"
          title={t('reader.notesPanelTitle')}
          onClick={panel.toggle}
        >
          {t('reader.notesPanel')}
        </button>
      </div>
      <ReadingProgress scroller={scroller} />
    </div>
  );
}

/** Copies an article's notes, as clean Markdown (no front matter or markers), to the clipboard. */
async function copyNotes(
  id: string,
  notify: (kind: 'info' | 'error', text: string) => void,
  t: TFunction,
  describe: (error: ApiError) => string,
): Promise<void> {
  const result = await api.renderExport({ scope: { kind: 'article', id }, format: 'md', clean: true });
  const file = result.ok ? result.value.files[0] : undefined;
  if (!result.ok) return notify('error', describe(result.error));
  if (!file) return notify('error', t('reader.nothingToCopy'));
  try {
    await navigator.clipboard.writeText(file.content);
    notify('info', t('reader.notesCopied'));
  } catch {
    notify('error', t('reader.clipboardRefused'));
  }
}

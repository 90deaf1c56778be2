import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLocaleSync } from '../i18n/use-locale';
import { useStore } from '../state/store';
import { useLibrarySync } from '../state/sync';
import { DropZone } from './DropZone';
import { ImportPasswordPrompt } from './ImportPasswordPrompt';
import { LibraryView } from '../library/LibraryView';
import { Notices } from './Notices';
import { SyncStatusLine } from './SyncStatusLine';
import { SearchBox } from '../search/SearchBox';
import { useRouteSync } from './use-route';
import { useShownTheme } from '../ui/theme';
import { useReaderView } from './use-reader-view';
import { warmPdf } from '../reader/pdf/pdfjs';

const loadSyncStatus = () => api.getSyncStatus({});

/** The window in the user's language. */
export function App() {
  const i18n = useStore((s) => s.i18n);
  return (
    <I18nextProvider i18n={i18n}>
      <Window />
    </I18nextProvider>
  );
}

/** The window: header, the current view, notices and a status line. */
function Window() {
  const { t } = useTranslation();
  const info = useStore((s) => s.info);
  const view = useStore((s) => s.view);
  const theme = useShownTheme(useStore((s) => s.settings.theme));
  const listLoaded = useStore((s) => s.articlesLoaded);
  const devicesRevision = useStore((s) => s.devicesRevision);
  const loadTags = useStore((s) => s.loadTags);
  useLibrarySync();
  useRouteSync();
  // Once the whole list is in, the reader's code is fetched when the page is idle, so opening an
  // article waits for none of it and the first rows and the list's pages wait for none of it either.
  const reader = useReaderView(listLoaded, view.kind === 'reader');
  // The tag registry too (counting the tags' uses reads every article's highlights): the first rows
  // and the list's pages do not share the host with it.
  useEffect(() => {
    if (!listLoaded) return;
    const idle = requestIdleCallback(() => void loadTags());
    return () => cancelIdleCallback(idle);
  }, [listLoaded, loadTags]);
  // pdf.js' code and a worker too once the library shows a PDF, so opening it waits for neither.
  const hasPdf = useStore((s) => s.articles.some((a) => a.format === 'pdf'));
  const inLibrary = view.kind === 'library';
  useEffect(() => {
    if (!listLoaded || !hasPdf || !inLibrary) return;
    const idle = requestIdleCallback(warmPdf);
    return () => cancelIdleCallback(idle);
  }, [listLoaded, hasPdf, inLibrary]);
  useLocaleSync();

  return (
    <div className={`app theme-${theme}`}>
      <header className="app-header">
        <h1 className="brand">Gloss</h1>
        <SearchBox />
      </header>
      <main className="app-main">{view.kind === 'reader' ? reader : <LibraryView />}</main>
      <Notices />
      <DropZone />
      <ImportPasswordPrompt />
      <footer className="status-bar" aria-label={t('app.status')}>
        {info ? (
          <span>
            {t('app.statusLine', { name: info.name, version: info.version, path: info.libraryPath })}
            <SyncStatusLine load={loadSyncStatus} revision={devicesRevision} />
          </span>
        ) : (
          <span>{t('app.connecting')}</span>
        )}
      </footer>
    </div>
  );
}

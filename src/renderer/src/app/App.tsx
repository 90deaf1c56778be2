import { useEffect, useState } from 'react';
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

/** The reader's code (pdf.js, mark.js, the article and notes views), loaded apart from the library's. */
const loadReaderCode = () => import('../reader/ReaderView');
type ReaderCode = Awaited<ReturnType<typeof loadReaderCode>>;

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
  useLibrarySync();
  useRouteSync();
  const readerCode = useReaderCode(listLoaded, view.kind === 'reader');
  useLocaleSync();

  return (
    <div className={`app theme-${theme}`}>
      <header className="app-header">
        <h1 className="brand">Gloss</h1>
        <SearchBox />
      </header>
      <main className="app-main">
        {view.kind === 'reader' ? readerCode && <readerCode.ReaderView /> : <LibraryView />}
      </main>
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

/**
 * The reader's code once it is here. Once the whole list is in, the code is fetched when the page is
 * idle, so opening an article waits for none of it and the first rows and the list's pages wait for none
 * of it either; at once when the reader is shown before that. Kept in state rather than in React.lazy,
 * which suspends at its first render even when the code is here, then holds the reader back for its
 * fallback's throttle (300 ms).
 */
function useReaderCode(listLoaded: boolean, shown: boolean): ReaderCode | null {
  const [loaded, setLoaded] = useState<ReaderCode | null>(null);
  useEffect(() => {
    if (loaded || (!listLoaded && !shown)) return;
    let live = true;
    const load = () =>
      void loadReaderCode().then((code) => {
        if (live) setLoaded(code);
      });
    if (shown) {
      load();
      return () => {
        live = false;
      };
    }
    const idle = requestIdleCallback(load);
    return () => {
      live = false;
      cancelIdleCallback(idle);
    };
  }, [loaded, listLoaded, shown]);
  return loaded;
}

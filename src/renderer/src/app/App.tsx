import { useEffect } from 'react';
import { api } from '../api';
import { ReaderView } from '../reader/ReaderView';
import { useStore } from '../state/store';
import { useLibrarySync } from '../state/sync';
import { DropZone } from './DropZone';
import { LibraryView } from '../library/LibraryView';
import { Notices } from './Notices';
import { SyncStatusLine } from './SyncStatusLine';
import { SearchBox } from '../search/SearchBox';
import { useRouteSync } from './use-route';

const loadSyncStatus = () => api.getSyncStatus({});

/** The window: header, the current view, notices and a status line. */
export function App() {
  const info = useStore((s) => s.info);
  const view = useStore((s) => s.view);
  const theme = useStore((s) => s.settings.theme);
  const loadInfo = useStore((s) => s.loadInfo);
  const loadArticles = useStore((s) => s.loadArticles);
  const loadSettings = useStore((s) => s.loadSettings);
  const loadTags = useStore((s) => s.loadTags);
  useEffect(() => {
    void loadInfo();
    void loadArticles();
    void loadSettings();
    void loadTags();
  }, [loadInfo, loadArticles, loadSettings, loadTags]);
  useLibrarySync();
  useRouteSync();

  return (
    <div className={`app theme-${theme}`}>
      <header className="app-header">
        <h1 className="brand">Gloss</h1>
        <SearchBox />
      </header>
      <main className="app-main">{view.kind === 'reader' ? <ReaderView /> : <LibraryView />}</main>
      <Notices />
      <DropZone />
      <footer className="status-bar" aria-label="Status">
        {info ? (
          <span>
            {info.name} {info.version} · library {info.libraryPath}
            <SyncStatusLine load={loadSyncStatus} />
          </span>
        ) : (
          <span>Connecting…</span>
        )}
      </footer>
    </div>
  );
}

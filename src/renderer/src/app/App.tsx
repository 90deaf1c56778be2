import { lazy, Suspense, useEffect } from 'react';
import { useStore } from '../state/store';
import { useLibrarySync } from '../state/sync';
import { DropZone } from './DropZone';
import { LibraryView } from '../library/LibraryView';
import { Notices } from './Notices';
import { SearchBox } from '../search/SearchBox';
import { useRouteSync } from './use-route';

/** The reader's code (pdf.js, mark.js, the article and notes views), loaded apart from the library's. */
const loadReader = () => import('../reader/ReaderView');
const ReaderView = lazy(() => loadReader().then((m) => ({ default: m.ReaderView })));

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
  // Once the first screen is up, the reader's code is fetched in idle time, so opening an article waits for none of it.
  useEffect(() => {
    const idle = requestIdleCallback(() => void loadReader(), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);

  return (
    <div className={`app theme-${theme}`}>
      <header className="app-header">
        <h1 className="brand">Gloss</h1>
        <SearchBox />
      </header>
      <main className="app-main">
        {view.kind === 'reader' ? (
          <Suspense fallback={null}>
            <ReaderView />
          </Suspense>
        ) : (
          <LibraryView />
        )}
      </main>
      <Notices />
      <DropZone />
      <footer className="status-bar" aria-label="Status">
        {info ? (
          <span>
            {info.name} {info.version} · library {info.libraryPath}
          </span>
        ) : (
          <span>Connecting…</span>
        )}
      </footer>
    </div>
  );
}

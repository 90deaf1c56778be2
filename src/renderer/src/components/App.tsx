import { useEffect } from 'react';
import { useStore } from '../state/store';
import { LibraryView } from './LibraryView';
import { Notices } from './Notices';

/** The window: header, the current view, notices and a status line. */
export function App() {
  const info = useStore((s) => s.info);
  const loadInfo = useStore((s) => s.loadInfo);
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Gloss</h1>
      </header>
      <main className="app-main">
        <LibraryView />
      </main>
      <Notices />
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

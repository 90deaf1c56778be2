import { useEffect } from 'react';
import { api } from '../api';
import { useStore } from './store';

/**
 * Follows changes made outside this window (a file edited on disk, the CLI,
 * a repaired store): long-polls the library revision, then reloads what is
 * shown and shows the services' notices.
 */
export function useLibrarySync(): void {
  useEffect(() => {
    let stopped = false;
    // Unknown until the first answer, which asks without waiting.
    let since: number | null = null;
    const loop = async () => {
      while (!stopped) {
        const result = await api.waitForChange(
          since === null ? { since: 0, timeoutMs: 0 } : { since, timeoutMs: 25_000 },
        );
        if (stopped) return;
        if (!result.ok) {
          await new Promise((r) => setTimeout(r, 5000));
          continue;
        }
        const changed = since !== null && result.value !== since;
        since = result.value;
        const notices = await api.takeNotices({});
        if (notices.ok) for (const text of notices.value) useStore.getState().notify('error', text);
        if (changed) {
          const state = useStore.getState();
          await Promise.all([state.loadArticles(), state.reloadArticle(), state.loadTags()]);
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, []);
}

import { useEffect } from 'react';
import { api } from '../api';
import type { ChangeEvent } from '../../../shared/model/change';
import { planRefresh } from './changes';
import { useStore } from './store';
import { unwrapWith } from './unwrap';

/**
 * Follows the library's changes, made here or elsewhere (a file edited on
 * disk, the CLI, another window, a repaired store): long-polls the change
 * events and refetches only what they name (see planRefresh), and shows the
 * services' notices. A reset (events no longer kept, or the services
 * restarted) reloads everything shown.
 */
export function useLibrarySync(): void {
  useEffect(() => {
    let stopped = false;
    // Unknown until the first answer, which asks without waiting.
    let since: number | null = null;
    /** The notice saying the service is out of reach, while it is. */
    let lost: number | null = null;
    const loop = async () => {
      while (!stopped) {
        const result = await api.waitForChanges(
          since === null ? { since: 0, timeoutMs: 0 } : { since, timeoutMs: 25_000 },
        );
        if (stopped) return;
        if (!result.ok) {
          // Said once, and it stays until the service answers again.
          if (lost === null) {
            const state = useStore.getState();
            lost = state.notify('error', state.describe(result.error));
          }
          await new Promise((r) => setTimeout(r, 2000));
          continue;
        }
        if (lost !== null) {
          useStore.getState().dismiss(lost);
          lost = null;
          useStore.getState().notify('info', useStore.getState().i18n.t('app.reconnected'));
        }
        const first = since === null;
        since = result.value.revision;
        const notices = await api.takeNotices({});
        if (notices.ok)
          for (const said of notices.value)
            useStore.getState().notify('error', useStore.getState().say(said));
        if (first) continue;
        await (result.value.reset ? reloadAll() : apply(result.value.events));
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, []);
}

async function reloadAll(): Promise<void> {
  const state = useStore.getState();
  await Promise.all([state.loadArticles(), state.reloadArticle(), state.loadTags(), state.loadSettings()]);
}

async function apply(events: ChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  const state = useStore.getState();
  const plan = planRefresh(events, state.content?.article.id ?? null, state.view.kind === 'library');
  if (plan.closed) state.show({ kind: 'library' });
  if (plan.devices) state.devicesChanged();
  // The list first: the open article's record is taken from it.
  if (plan.articles || plan.head) await state.loadArticles();
  await Promise.all([
    plan.text && !plan.closed ? state.reloadArticle() : undefined,
    plan.head && !plan.text && !plan.closed ? refreshArticleHead() : undefined,
    state.refreshAnnotations(plan.annotationIds),
    plan.tags ? state.loadTags() : undefined,
    plan.settings ? state.loadSettings() : undefined,
  ]);
}

/** Takes the open article's record from the library list and fetches its note again (its text is unchanged). */
async function refreshArticleHead(): Promise<void> {
  const id = useStore.getState().content?.article.id;
  if (!id) return;
  const note = await unwrapWith(useStore.getState)(api.getArticleNote({ articleId: id }));
  const { content, articles } = useStore.getState();
  if (note === undefined || content?.article.id !== id) return;
  const article = articles.find((a) => a.id === id) ?? content.article;
  useStore.setState({ content: { ...content, article, note } });
}

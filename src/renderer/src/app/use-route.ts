import { useEffect, useRef } from 'react';
import { useStore } from '../state/store';
import { formatHash, parseHash, sameScreen, type Route } from './route';
import { afterPaint } from '../ui/after-paint';

/** The route the store's state stands for. */
function routeOfState(): Route {
  const { view, selectedAnnotationId } = useStore.getState();
  if (view.kind !== 'reader') return { kind: 'library' };
  return {
    kind: 'article',
    id: view.articleId,
    ...(selectedAnnotationId && { highlight: selectedAnnotationId }),
  };
}

/**
 * Keeps the app's place in the address: opening an article adds a history entry (so Back returns to the
 * library), selecting a highlight replaces it; a reload or Back/Forward opens what the address names.
 */
export function useRouteSync(): void {
  const view = useStore((s) => s.view);
  const selected = useStore((s) => s.selectedAnnotationId);
  /** The route being opened from the address; the address is not rewritten until the state reaches it. */
  const arriving = useRef<Route | null>(null);

  useEffect(() => {
    const apply = async () => {
      const { route } = parseHash(window.location.hash);
      const state = useStore.getState();
      if (sameScreen(route, routeOfState())) {
        if (route.kind === 'article' && route.highlight && route.highlight !== state.selectedAnnotationId) {
          showHighlight(route.highlight);
        } else if (route.kind === 'article' && route.at !== undefined) {
          state.scrollTo(route.at);
          writeAddress(false);
        }
        return;
      }
      arriving.current = route;
      if (route.kind === 'library') state.closeArticle();
      else {
        await state.openArticle(route.id, route.highlight ? undefined : route.at);
        if (route.highlight && sameScreen(route, routeOfState())) showHighlight(route.highlight);
      }
      arriving.current = null;
      // An article that could not be opened leaves the address pointing at the library.
      if (!sameScreen(route, routeOfState())) writeAddress(false);
    };
    void apply();
    const onPop = () => void apply();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Once the screen is painted: the history call can take tens of milliseconds (it goes to the browser),
  // and a highlight just added or chosen is not held back for it.
  useEffect(() => {
    if (arriving.current) return;
    return afterPaint(() => writeAddress(true));
  }, [view, selected]);
}

/** Writes the state's route into the address: a new history entry for another screen when `push`. */
function writeAddress(push: boolean): void {
  const { route: current, rest } = parseHash(window.location.hash);
  const next = routeOfState();
  const hash = formatHash(next, rest);
  if (hash === window.location.hash || (hash === '#/' && window.location.hash === '')) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (push && !sameScreen(current, next)) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Selects highlight `id` of the open article and scrolls to it. */
function showHighlight(id: string): void {
  const state = useStore.getState();
  const annotation = state.annotations.find((a) => a.id === id);
  if (!annotation) {
    const title = state.content?.article.title ?? '';
    state.notify('error', state.i18n.t('editor.linkGone', { title }));
    return;
  }
  state.selectAnnotation(id);
  if (!annotation.orphaned) state.scrollTo(annotation.target.position.start);
}

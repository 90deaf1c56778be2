import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installColorRules } from './ui/colors';
import { useStore } from './state/store';
import type { ArticleMeta } from '../../shared/model/article';
import type { Result } from '../../shared/result';

/**
 * Starts the app in the page: the library's first page shown from `firstPage` (a request the page's
 * first script made while this code loaded), the rest of what the window shows asked for before
 * React renders anything. The tag registry, which only the reader shows, is asked for later (see App).
 * @throws Error when the page has no `#root` element.
 */
export function start(firstPage: Promise<Result<ArticleMeta[]>>): void {
  const { loadInfo, loadArticles, loadSettings } = useStore.getState();
  void loadArticles(firstPage);
  void loadInfo();
  void loadSettings();

  installColorRules(document);

  // Fetch the reading fonts (both subsets) while the library is shown, so an article's first screen
  // is not laid out twice, once in a fallback font and again when its font arrives; after the first
  // rows, so they do not compete with them.
  requestIdleCallback(
    () => {
      for (const font of [
        '1em "Noto Serif"',
        'bold 1em "Noto Serif"',
        'italic 1em "Noto Serif"',
        'bold 1em "Noto Sans"',
      ]) {
        void document.fonts.load(font, 'Sơn Trà, Đà Nẵng');
      }
    },
    { timeout: 1000 },
  );

  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

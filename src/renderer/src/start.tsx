import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installColorRules } from './ui/colors';
import { useStore } from './state/store';
import type { FirstRequests } from './state/first-page';
import { shownLocale } from './i18n/shown-locale';
import { plainRowHeights, takeOver } from './library/plain-screen';

/**
 * Starts the app in the page from `first` (the requests the page's first script made while this code
 * loaded): once the settings and the app's info are in, React renders the window in the language it
 * will keep, replacing in the same task the plain first screen the page may have drawn (see
 * plain-screen.ts), its rows at the heights they were drawn at and focus where it was. The rest of the
 * list is read after; the tag registry, which only the reader shows, later (see App).
 * @throws Error when the page has no `#root` element.
 */
export async function start(first: FirstRequests): Promise<void> {
  const { loadInfo, loadArticles, loadSettings } = useStore.getState();
  void loadArticles(first.page);
  await Promise.all([loadInfo(first.info), loadSettings(first.settings)]);
  const { i18n, settings, info } = useStore.getState();
  void i18n.changeLanguage(shownLocale(settings.language, info?.locale));

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
  useStore.setState({ drawnRowHeights: plainRowHeights(root) });
  takeOver(root, () =>
    flushSync(() =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    ),
  );
}

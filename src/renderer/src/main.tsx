import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import '@fontsource/noto-serif/vietnamese-400.css';
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/vietnamese-700.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-serif/vietnamese-400-italic.css';
import '@fontsource/noto-serif/latin-400-italic.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans-mono/vietnamese-400.css';
import '@fontsource/noto-sans-mono/latin-400.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/app.css';
import './styles/library.css';
import './styles/dialogs.css';
import './styles/reader.css';
import './styles/panels.css';
import './styles/search.css';
import './styles/pdf.css';
import { installColorRules } from './ui/colors';
import { useStore } from './state/store';

// The library's first page and the rest are asked for before React renders anything.
const { loadInfo, loadArticles, loadSettings, loadTags } = useStore.getState();
void loadArticles();
void loadInfo();
void loadSettings();
void loadTags();

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

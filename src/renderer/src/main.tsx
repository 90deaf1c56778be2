import { requestFirstScreen } from './state/first-page';
import { parseHash } from './app/route';
import { painted } from './ui/after-paint';
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

/**
 * What the first screen shows is asked for first. While the app's code loads, the library's first
 * screen is drawn with the DOM alone (plain-screen.ts: a small module) as soon as the answers are in;
 * then the app starts and takes it over. An article's address, an empty library or a failed call
 * leave the first screen to the app.
 */
async function main(): Promise<void> {
  const first = requestFirstScreen();
  const root = document.getElementById('root');
  if (root && parseHash(window.location.hash).route.kind === 'library') {
    const [{ paintPlainScreen }, page, settings, info] = await Promise.all([
      import('./library/plain-screen'),
      first.page,
      first.settings,
      first.info,
    ]);
    if (page.ok && page.value.length > 0 && settings.ok && info.ok) {
      paintPlainScreen(root, { articles: page.value, settings: settings.value, info: info.value });
      // The rows are painted before the app's code is evaluated.
      await painted();
    }
  }
  const { start } = await import('./start');
  await start(first);
}

void main();

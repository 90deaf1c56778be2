import { requestFirstPage } from './state/first-page';
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

// The library's first page is asked for first, while the app's code loads (see start).
const firstPage = requestFirstPage();
void import('./start').then(({ start }) => start(firstPage));

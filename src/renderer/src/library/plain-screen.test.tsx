// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../shared/model/app';
import type { ArticleMeta } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import type { Result } from '../../../shared/result';

const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

function article(n: number, extra: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Bài ${n}: Sơn Trà`,
    author: null,
    published: null,
    tags: [],
    progress: 0,
    highlightCount: 0,
    format: 'txt',
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString(),
    ...extra,
  } as ArticleMeta;
}

/** Oldest first, as a list may come: the screen shows the newest first. */
const ARTICLES = [
  article(1, { author: 'Lê Anh Tuấn', published: '2022-04-01', tags: ['Đà Nẵng', 'biển'], progress: 0.4 }),
  article(2, { highlightCount: 1 }),
  article(3, { highlightCount: 12, tags: ['rừng'] }),
];
const INFO: AppInfo = {
  name: 'Gloss',
  version: '1.2.3',
  host: 'web',
  libraryPath: '/thư viện',
  locale: 'en-US',
};

// The host: the calls the first screen makes are answered; any other never is.
vi.mock('../api', () => ({
  api: new Proxy(
    {},
    {
      get: (_, name) => () =>
        name === 'listArticles' ? ok(ARTICLES) : name === 'listTags' ? ok([]) : new Promise(() => {}),
    },
  ),
  bookImageUrl: () => '',
}));

const { paintPlainScreen, takeOver } = await import('./plain-screen');
const { start } = await import('../start');

let dark = false;
beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('requestIdleCallback', () => 0);
  vi.stubGlobal('cancelIdleCallback', () => {});
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query.includes('dark'),
    addEventListener() {},
    removeEventListener() {},
  }));
  // jsdom keeps no constructed style sheets, which the app's start adds (its highlight colours).
  Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
  document.body.innerHTML = '<div id="root"></div>';
});

afterEach(() => {
  vi.unstubAllGlobals();
  dark = false;
});

/** A copy of `element` without what only the app adds: inline placement and the hidden file picker. */
function shell(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('[style]')) el.removeAttribute('style');
  copy.querySelector('input[type="file"]')?.remove();
  copy.querySelector('ul')?.replaceChildren();
  return copy.outerHTML;
}

/** Each row of `root` by article id, without its inline placement. */
function rows(root: Element): Map<string, string> {
  return new Map(
    [...root.querySelectorAll('li[data-row-key]')].map((li) => {
      const copy = li.cloneNode(true) as Element;
      copy.removeAttribute('style');
      return [li.getAttribute('data-row-key')!, copy.outerHTML];
    }),
  );
}

async function compare(settings: Settings): Promise<HTMLElement> {
  const root = document.getElementById('root')!;
  paintPlainScreen(root, { articles: ARTICLES, settings, info: INFO });
  const plain = { shell: shell(root), rows: rows(root), lang: document.documentElement.lang };
  expect(plain.rows.size).toBe(3);
  await start({ page: ok(ARTICLES), settings: ok(settings), info: ok(INFO) });
  expect(shell(root)).toBe(plain.shell);
  const drawn = rows(root);
  for (const [id, row] of plain.rows) expect(drawn.get(id)).toBe(row);
  expect(document.documentElement.lang).toBe(plain.lang);
  return root;
}

it('draws the window, toolbar and rows the app then renders, in its language and theme', async () => {
  dark = true;
  const root = await compare({ theme: 'system', font: 'serif', fontSize: 19, language: 'vi' });
  expect(root.querySelector('.app')!.className).toBe('app theme-dark');
  expect(root.querySelector('h2')!.textContent).toBe('Thư viện');
  const titles = [...root.querySelectorAll('.article-title')].map((b) => b.textContent);
  expect(titles).toEqual(['Bài 3: Sơn Trà', 'Bài 2: Sơn Trà', 'Bài 1: Sơn Trà']);
  expect(root.querySelector('.article-meta')!.textContent).toBe('12 đánh dấu#rừng');
});

it('draws the same first screen in English, light, with dates, authors, tags and progress', async () => {
  const root = await compare({ theme: 'light', font: 'sans', fontSize: 19 });
  expect(root.querySelector('.app')!.className).toBe('app theme-light');
  const last = root.querySelector('li[aria-posinset="3"]')!;
  expect(last.querySelector('.article-meta')!.textContent).toBe(
    'Lê Anh Tuấn4/1/20220 highlights#Đà Nẵng#biển',
  );
  expect(last.querySelector('progress')!.getAttribute('aria-label')).toBe('Read 40% of Bài 1: Sơn Trà');
});

/** The plain screen of ARTICLES, in English and light, painted in the page's `#root`. */
function paintLight(): HTMLElement {
  const root = document.getElementById('root')!;
  paintPlainScreen(root, {
    articles: ARTICLES,
    settings: { theme: 'light', font: 'serif', fontSize: 19 },
    info: INFO,
  });
  return root;
}

it('gives focus back to the same control once the app has taken the screen over', () => {
  const root = paintLight();
  root.querySelector<HTMLElement>('[aria-label="Delete Bài 2: Sơn Trà"]')!.focus();
  takeOver(root, () => {
    // What the app draws instead: other elements, the same controls.
    root.innerHTML =
      '<button aria-label="Edit details of Bài 2: Sơn Trà">Edit</button><button aria-label="Delete Bài 2: Sơn Trà">Delete</button>';
  });
  expect(document.activeElement).toBe(root.querySelector('[aria-label="Delete Bài 2: Sơn Trà"]'));
  expect(document.activeElement!.isConnected).toBe(true);
});

it('presses again on the app a button pressed on the plain screen before the app took it over', () => {
  const root = paintLight();
  const pressed: string[] = [];
  [...root.querySelectorAll<HTMLButtonElement>('button')]
    .find((b) => b.textContent === 'Bài 2: Sơn Trà')!
    .click();
  takeOver(root, () => {
    root.innerHTML = '<button>Bài 1: Sơn Trà</button><button>Bài 2: Sơn Trà</button>';
    for (const button of root.querySelectorAll('button'))
      button.addEventListener('click', () => pressed.push(button.textContent!));
  });
  expect(pressed).toEqual(['Bài 2: Sơn Trà']);
  // Pressed once: a later takeover (none happens, but the memory is spent) presses nothing.
  takeOver(root, () => {});
  expect(pressed).toEqual(['Bài 2: Sơn Trà']);
});

import { createI18n, type TFunction } from '../../../shared/i18n';
import type { AppInfo } from '../../../shared/model/app';
import type { ArticleMeta } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import { LANGUAGE_NAMES, shownLocale } from '../i18n/shown-locale';
import { shownTheme, systemIsDark } from '../ui/theme';
import { rowWords, type RowWords } from './row-words';
import { sortArticles, sortedTags } from './visible-articles';

/**
 * The library's first screen drawn with the DOM alone, before React and the app's code are loaded:
 * the same markup, classes, words and accessible names as the app's first render of the library (the
 * window, its toolbar and the first rows, in the order and with the filters that render starts with),
 * which replaces it in one commit (see takeOver).
 */
export interface FirstScreen {
  /** The first page of articles, as listArticles gives it. */
  articles: readonly ArticleMeta[];
  settings: Settings;
  info: AppInfo;
}

/**
 * The least height of a row, px (a title and a line of details between their padding are taller):
 * rows enough to fill the window's height are drawn, the app renders those beyond it.
 */
const ROW_MIN_HEIGHT = 56;

type Child = Node | string | false | null | undefined;

/** An element with its attributes (in the order React writes them) and children. */
function h(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children)
    if (child !== false && child !== null && child !== undefined) element.append(child);
  return element;
}

/** A `<select>` of `list` ([value, label, attributes]) showing `value`, chosen as React chooses it (no attribute). */
function select(
  attributes: Record<string, string>,
  value: string,
  list: [string, string, Record<string, string>?][],
): HTMLSelectElement {
  const element = h(
    'select',
    attributes,
    ...list.map(([key, label, extra]) => h('option', { value: key, ...extra }, label)),
  ) as HTMLSelectElement;
  element.value = value;
  return element;
}

/** One article's row, as ArticleRow renders it in the list's `<li>`. */
function row(article: ArticleMeta, index: number, count: number, words: RowWords): HTMLElement {
  const percent = Math.round(article.progress * 100);
  return h(
    'li',
    {
      'data-row': String(index),
      'data-row-key': article.id,
      class: 'article-row',
      'aria-setsize': String(count),
      'aria-posinset': String(index + 1),
    },
    h(
      'div',
      { class: 'article-main' },
      h('button', { type: 'button', class: 'article-title link' }, article.title),
      h(
        'div',
        { class: 'article-meta' },
        article.author && h('span', { class: 'article-author' }, article.author),
        article.published && h('span', {}, words.date(article.published)),
        h('span', {}, words.highlights(article.highlightCount)),
        ...article.tags.map((tag) => h('span', { class: 'tag-chip' }, `#${tag}`)),
      ),
    ),
    h('progress', {
      class: 'article-progress',
      max: '100',
      value: String(percent),
      'aria-label': words.readPercent(percent, article.title),
    }),
    h(
      'div',
      { class: 'row-actions' },
      h('button', { type: 'button', 'aria-label': words.editLabel(article.title) }, words.edit),
      h('button', { type: 'button', 'aria-label': words.deleteLabel(article.title) }, words.delete),
    ),
  );
}

/** The library section: its head, its toolbar and the first rows, newest added first. */
function library(t: TFunction, words: RowWords, screen: FirstScreen): HTMLElement {
  const sorted = sortArticles(screen.articles, 'recent');
  const rows = sorted.slice(0, Math.ceil(window.innerHeight / ROW_MIN_HEIGHT));
  const tags = sortedTags(new Set(sorted.flatMap((a) => a.tags)));
  return h(
    'section',
    { class: 'library', 'aria-labelledby': 'library-title' },
    h(
      'div',
      { class: 'library-head' },
      h('h2', { id: 'library-title' }, t('library.title')),
      h(
        'div',
        { class: 'row' },
        h(
          'label',
          { class: 'language-select' },
          t('app.language'),
          select({ 'aria-label': t('app.language') }, screen.settings.language ?? 'system', [
            ['system', t('app.languageSystem')],
            ...Object.entries(LANGUAGE_NAMES).map(
              ([code, name]): [string, string, Record<string, string>] => [code, name, { lang: code }],
            ),
          ]),
        ),
        h('button', { type: 'button' }, t('library.export')),
        h('button', { type: 'button', class: 'primary' }, t('library.import')),
      ),
    ),
    h(
      'div',
      { class: 'library-toolbar', role: 'search' },
      h('input', {
        'aria-label': t('library.filter'),
        placeholder: t('library.filterPlaceholder'),
        type: 'search',
        value: '',
      }),
      h(
        'label',
        {},
        t('library.tag'),
        ' ',
        select({ 'aria-label': t('library.tag') }, '', [
          ['', t('library.allTags')],
          ...tags.map((tag): [string, string] => [tag, tag]),
        ]),
      ),
      h(
        'label',
        {},
        t('library.sort'),
        ' ',
        select({ 'aria-label': t('library.sort') }, 'recent', [
          ['recent', t('library.sortRecent')],
          ['title', t('library.sortTitle')],
          ['date', t('library.sortDate')],
        ]),
      ),
    ),
    h(
      'ul',
      { class: 'article-list', 'aria-label': t('library.articles') },
      ...rows.map((article, i) => row(article, i, sorted.length, words)),
    ),
  );
}

/**
 * Draws the library's first screen of `screen` into `root` (see FirstScreen) in the language and
 * theme the app will show, and sets the page's language.
 */
export function paintPlainScreen(root: HTMLElement, screen: FirstScreen): void {
  root.addEventListener('click', rememberPress, true);
  const locale = shownLocale(screen.settings.language, screen.info.locale);
  const { t } = createI18n(locale);
  const { info } = screen;
  document.documentElement.lang = locale;
  root.replaceChildren(
    h(
      'div',
      { class: `app theme-${shownTheme(screen.settings.theme, systemIsDark())}` },
      h(
        'header',
        { class: 'app-header' },
        h('h1', { class: 'brand' }, 'Gloss'),
        h(
          'div',
          { class: 'search', role: 'search', 'aria-label': t('search.label') },
          h('input', {
            'aria-label': t('search.label'),
            'aria-keyshortcuts': 'Control+K Control+Shift+F',
            placeholder: t('search.placeholder'),
            type: 'search',
            value: '',
          }),
        ),
      ),
      h('main', { class: 'app-main' }, library(t, rowWords(t, locale), screen)),
      h('div', { class: 'notices', 'aria-live': 'polite' }),
      h(
        'footer',
        { class: 'status-bar', 'aria-label': t('app.status') },
        h(
          'span',
          {},
          t('app.statusLine', { name: info.name, version: info.version, path: info.libraryPath }),
        ),
      ),
    ),
  );
}

/** The drawn heights of the rows in `root`, px, by article id (none when nothing was drawn). */
export function plainRowHeights(root: HTMLElement): Map<string, number> {
  const heights = new Map<string, number>();
  for (const li of root.querySelectorAll<HTMLElement>('li[data-row-key]')) {
    heights.set(li.dataset.rowKey!, li.getBoundingClientRect().height);
  }
  return heights;
}

/** A control by what a person knows it by: its element and accessible name. */
const nameOf = (element: Element) => element.getAttribute('aria-label') ?? element.textContent;

/** The button last pressed (clicked, or Enter/Space) on the plain screen, pressed again once the app has it. */
let pressed: HTMLButtonElement | null = null;

function rememberPress(event: Event): void {
  const button = (event.target as Element | null)?.closest?.('button');
  if (button) pressed = button;
}

/** The control in `root` of the same element and name as `control`, if the app drew one. */
function counterpart(root: HTMLElement, control: Element): HTMLElement | undefined {
  const name = nameOf(control);
  return [...root.querySelectorAll<HTMLElement>(control.tagName)].find(
    (candidate) => nameOf(candidate) === name,
  );
}

/**
 * Runs `render`, which replaces what `root` shows, and carries over what a person did on the plain
 * screen: focus goes back to the control of the same element and name when one in `root` held it
 * (someone tabbed into it), and a button pressed there (a title clicked to open an article) is pressed
 * again on the app's, so nothing done before the app took over is lost.
 */
export function takeOver(root: HTMLElement, render: () => void): void {
  const focused = document.activeElement;
  const held = focused && focused !== root && root.contains(focused) ? focused : null;
  const press = pressed;
  pressed = null;
  root.removeEventListener('click', rememberPress, true);
  render();
  if (held) counterpart(root, held)?.focus();
  if (press) counterpart(root, press)?.click();
}

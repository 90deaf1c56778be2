// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n';
import type { ArticleMeta, ImportOutcome } from '../../../shared/model/article';
import type { Result } from '../../../shared/result';

/** The fake host: the library it serves, and each import as it starts and ends. */
const host: { articles: ArticleMeta[]; log: string[]; hold: Map<string, () => void> } = {
  articles: [],
  log: [],
  hold: new Map(),
};

const article = (title: string) =>
  ({ id: title, title, tags: [], progress: 0, highlightCount: 0 }) as unknown as ArticleMeta;

vi.mock('../api', () => ({
  api: {
    listArticles: async (params: { first?: number; skip?: number }): Promise<Result<ArticleMeta[]>> => {
      const skip = params.skip ?? 0;
      return {
        ok: true,
        value: host.articles.slice(skip, params.first === undefined ? undefined : skip + params.first),
      };
    },
    importFile: async ({ name }: { name: string }): Promise<Result<ImportOutcome>> => {
      host.log.push(`start ${name}`);
      // A file whose name is held waits until the test lets it go.
      await new Promise<void>((resolve) => (host.hold.has(name) ? host.hold.set(name, resolve) : resolve()));
      host.articles.unshift(article(name));
      host.log.push(`end ${name}`);
      return { ok: true, value: { status: 'imported', article: article(name) } as unknown as ImportOutcome };
    },
  },
}));

const { useStore } = await import('../state/store');
const { LibraryView } = await import('./LibraryView');

/** The file inputs the Import buttons opened, as the browser's picker would be opened on them. */
let opened: HTMLInputElement[] = [];

beforeEach(() => {
  host.articles = [];
  host.log = [];
  host.hold = new Map();
  opened = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    opened.push(this);
  });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  useStore.setState({ articles: [], articlesLoaded: true, importState: null, notify: () => {} });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderLibrary() {
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <LibraryView />
    </I18nextProvider>,
  );
}

/** Chooses `names` in the picker `input` opened, as a person does in the system dialog. */
function choose(input: HTMLInputElement, ...names: string[]) {
  const files = names.map((name) => new File(['Một đoạn văn.'], name, { type: 'text/plain' }));
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

it('imports the files chosen from the empty library’s button even when the first article arrived meanwhile', async () => {
  renderLibrary();
  fireEvent.click(screen.getByRole('button', { name: 'Import articles…' }));
  expect(opened).toHaveLength(1);
  // While the dialog is open, an import dropped earlier lands: the list replaces the invitation.
  act(() => useStore.setState({ articles: [article('Chưa đọc')] }));
  expect(screen.queryByText('Chưa đọc')).not.toBeNull();
  choose(opened[0]!, 'son-tra.txt');
  await vi.waitFor(() => expect(host.log).toEqual(['start son-tra.txt', 'end son-tra.txt']));
  expect(await screen.findByRole('button', { name: 'son-tra.txt' })).toBeTruthy();
});

it('a batch chosen while another imports waits its turn, and each batch’s progress is its own', async () => {
  renderLibrary();
  host.hold.set('first.txt', () => {});
  const first = useStore.getState().importFiles([new File(['a'], 'first.txt')]);
  await vi.waitFor(() => expect(host.log).toEqual(['start first.txt']));
  const second = useStore.getState().importFiles([new File(['b'], 'second.txt')]);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(host.log).toEqual(['start first.txt']);
  expect(useStore.getState().importState?.current).toBe('first.txt');
  act(() => host.hold.get('first.txt')!());
  await act(() => Promise.all([first, second]));
  expect(host.log).toEqual(['start first.txt', 'end first.txt', 'start second.txt', 'end second.txt']);
  expect(useStore.getState().articles.map((a) => a.title)).toEqual(['second.txt', 'first.txt']);
  expect(useStore.getState().importState).toBeNull();
});

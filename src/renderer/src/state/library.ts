import { api } from '../api';
import { sameTag } from '../../../shared/model/tag-key';
import type { ArticleMeta } from '../../../shared/model/article';
import type { ImportState, LibrarySlice, Slice } from './types';
import { unwrapWith } from './unwrap';
import { importSummary } from './import-summary';
import { importAskingPassword } from './import-password';
import { FIRST_PAGE, requestFirstPage } from './first-page';
import { painted } from '../ui/after-paint';

/** Articles asked for per request when reading the whole list: each answer is parsed in a short task. */
const PAGE = 1000;

/** Reads a File as base64 without the data-URL prefix. */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/** The library slice: articles, tags and imports. */
export const createLibrarySlice: Slice<LibrarySlice> = (set, get) => {
  const unwrap = unwrapWith(get);
  /** Counts calls of loadArticles: a call whose number is no longer the last stops reading. */
  let loads = 0;
  /** The batches chosen so far, imported one after another: one chosen while another runs waits its turn. */
  let imports: Promise<void> = Promise.resolve();

  /** Imports one batch of files, showing its progress, then reads the list again and sums it up. */
  async function importBatch(files: File[]): Promise<void> {
    const state: ImportState = {
      total: files.length,
      done: 0,
      current: null,
      imported: 0,
      notes: [],
      duplicates: [],
      updated: [],
      failures: [],
    };
    set({ importState: { ...state } });
    for (const file of files) {
      state.current = file.name;
      set({ importState: { ...state } });
      let data: string;
      try {
        data = await toBase64(file);
      } catch {
        state.failures.push({
          name: file.name,
          message: get().i18n.t('importing.unreadable', { name: file.name }),
        });
        state.done++;
        continue;
      }
      const result = await importAskingPassword(file.name, data, set);
      if (result === null)
        state.failures.push({
          name: file.name,
          message: get().i18n.t('pdfPassword.cancelled', { file: file.name }),
        });
      else if (!result.ok) state.failures.push({ name: file.name, message: get().describe(result.error) });
      else if (result.value.status === 'imported') {
        state.imported++;
        const warnings = result.value.warnings ?? [];
        if (warnings.length) state.notes.push([result.value, ...warnings].map(get().say).join(' '));
      } else if (result.value.status === 'highlights') {
        state.imported++;
        state.notes.push(get().say(result.value));
      } else {
        state.notes.push(get().say(result.value));
        (result.value.status === 'duplicate' ? state.duplicates : state.updated).push(file.name);
      }
      state.done++;
      set({ importState: { ...state } });
    }
    state.current = null;
    set({ importState: { ...state } });
    await get().loadArticles();
    get().notify(state.failures.length ? 'error' : 'info', importSummary(state, get().i18n.t));
    if (state.failures.length === 0 && state.notes.length === 0) set({ importState: null });
  }

  return {
    articles: [],
    articlesLoaded: false,
    tags: [],
    importState: null,
    passwordRequest: null,
    drawnRowHeights: new Map(),

    async loadArticles(firstPage) {
      const load = ++loads;
      const opening = !get().articlesLoaded && get().articles.length === 0;
      if (opening) {
        // Should it fail, the whole list below says why.
        const first = await (firstPage ?? requestFirstPage());
        if (load !== loads) return;
        if (first.ok) {
          const whole = first.value.length < FIRST_PAGE;
          set({ articles: first.value, articlesLoaded: whole });
          if (whole) return;
          // The rest is read once the first rows are painted, so that reading it does not delay them.
          await painted();
        }
      }
      // An article added while the pages are read may come twice (the pages shift): kept once. One
      // removed may be missed, and its change event reads the list again. The next page is asked
      // for before this one is read; when the library opens, the list grows page by page.
      const seen = new Set<string>();
      const articles: ArticleMeta[] = [];
      let next = api.listArticles({ first: PAGE, skip: 0 });
      for (let skip = 0; ; skip += PAGE) {
        const pending = next;
        next = api.listArticles({ first: PAGE, skip: skip + PAGE });
        const page = await unwrap(pending);
        if (load !== loads || !page) return;
        for (const article of page) {
          if (seen.has(article.id)) continue;
          seen.add(article.id);
          articles.push(article);
        }
        if (page.length < PAGE) break;
        if (opening && articles.length > get().articles.length) set({ articles: [...articles] });
      }
      set({ articles, articlesLoaded: true });
    },

    async loadTags() {
      const tags = await unwrap(api.listTags({}));
      if (tags) set({ tags });
    },

    importFiles(files) {
      if (files.length === 0) return imports;
      const batch = imports.then(() => importBatch(files));
      // A batch that failed unexpectedly does not stop the ones chosen after it.
      imports = batch.catch(() => undefined);
      return batch;
    },

    clearImportState() {
      set({ importState: null });
    },

    async updateArticle(id, patch) {
      const updated = await unwrap(api.updateArticle({ id, ...patch }));
      if (!updated) return false;
      set({ articles: get().articles.map((a) => (a.id === id ? updated : a)) });
      return true;
    },

    async renameTag(from, to) {
      const renamed = await unwrap(api.renameTag({ from, to }));
      if (!renamed) return false;
      await Promise.all([get().loadTags(), get().loadArticles()]);
      const filter = get().notesFilter;
      if (sameTag(filter.tag, from)) get().setNotesFilter({ ...filter, tag: renamed.name });
      await get().offerUndo(get().i18n.t('reader.tagRenamed', { from, to: renamed.name }));
      return true;
    },

    async recolorTag(name, color) {
      const tag = await unwrap(api.recolorTag({ name, color }));
      if (tag) set({ tags: get().tags.map((t) => (t.name === name ? { ...t, color: tag.color } : t)) });
    },

    async deleteTag(name) {
      // deleteTag answers with no value: only a failure stops here.
      const result = await api.deleteTag({ name });
      if (!result.ok) return void get().notify('error', get().describe(result.error));
      await Promise.all([get().loadTags(), get().loadArticles()]);
      await get().offerUndo(get().i18n.t('reader.tagDeleted', { name }));
    },

    async deleteArticle(id) {
      const deleted = await unwrap(api.deleteArticle({ id }));
      if (!deleted) return;
      set({ articles: get().articles.filter((a) => a.id !== id) });
      if (get().view.kind === 'reader') get().show({ kind: 'library' });
      const { t } = get().i18n;
      get().notify('info', t('library.deleted', { title: deleted.title }), {
        label: t('app.undo'),
        run: () => {
          void unwrap(api.restoreArticle({ id })).then((restored) => {
            if (restored) {
              void get().loadArticles();
              get().notify('info', t('library.restored', { title: restored.title }));
            }
          });
        },
      });
    },
  };
};

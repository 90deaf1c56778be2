import { renderExportSchema, type RenderExportParams } from '../../shared/contract/export';
import type { AppInfo } from '../../shared/model/app';
import { GlossError } from '../../shared/result';
import { createDispatch, type Dispatch } from '../dispatch';
import type { Handlers } from './handlers';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { libraryHandlers } from './library/handlers';
import { importConverter } from './import/import-converter';
import { LibraryService } from './library/library-service';
import { rebuildLostIndex } from './library/rebuild-index';
import type { ExportSource, ExportTarget } from './export';
import type { BookImage } from './library/book-images';
import { searchOnDemand } from './search-on-demand';
import { runEveryStep } from './stop';
import { LibraryStore } from './store';
import type { ChangeFeed } from './store/change-feed';
import type { VaultControl } from './vault/vault-control';

export interface ServicesOptions {
  /** Absolute path of the library folder. */
  libraryPath: string;
  host: AppInfo['host'];
  /** The system's language (BCP 47), when the host knows it: Electron's `app.getLocale()`. */
  locale?: string;
  /** Watch `articles/` for files changed on disk (default true; the CLI's one-shot commands turn it off). */
  watch?: boolean;
  /**
   * Start the search service only when a search or a change needs it
   * (default false: it loads and catches up at once, in the background).
   * The CLI's one-shot commands turn it on so that `gloss list` never loads it.
   */
  searchOnDemand?: boolean;
  /**
   * Gloss's per-computer folder (outside the library). When given, the export
   * folder chosen for this library is remembered there and kept current again
   * at the next start; without it, a chosen export folder lasts this run only.
   */
  dataDir?: string;
  /**
   * Asks the user for a folder in the host's own dialog (the desktop app); resolves to its absolute
   * path, or null when cancelled. Without it, `chooseExportFolder` answers 'unsupported'.
   */
  chooseFolder?: () => Promise<string | null>;
}

/** Every domain service of one library, wired to the API contract. */
export interface Services {
  handlers: Handlers;
  dispatch: Dispatch;
  /** The library's change feed: every committed change, once it is on disk. */
  changes: ChangeFeed;
  /**
   * Renders an export and writes it to `target` (see exportFiles): one file per
   * article into a folder is written a few articles at a time, so memory stays flat.
   * @throws GlossError 'invalid-argument' for bad parameters, else as renderExport and writeExportFiles.
   */
  exportFiles(params: RenderExportParams, target: ExportTarget): Promise<string[]>;
  /**
   * One image of an EPUB article by its stored name (see LibraryService.bookImage), null when there is none.
   * @throws GlossError 'not-found' for an unknown article; as LibraryService.bookImage.
   */
  bookImage(articleId: string, name: string): Promise<BookImage | null>;
  /** The export folder kept current (see VaultControl), loaded on first use or at start when one is remembered. */
  vault(): Promise<VaultControl>;
  /**
   * Writes pending changes now and resolves once their change events have
   * been delivered (the search index then holds them).
   * @throws GlossError 'io' when a file cannot be written.
   */
  flush(): Promise<void>;
  /**
   * Flushes pending writes first, then closes the watcher, saves the search index and releases the
   * library, each step even if an earlier one failed (the first failure is rethrown). Safe to call twice.
   */
  stop(): Promise<void>;
}

/**
 * Starts the services for one library folder: opens its store, purges
 * articles deleted in an earlier session, loads or builds the search index
 * and keeps it current by following the store's change feed, and watches
 * the article files.
 * @throws GlossError 'locked' when another process has the library open, 'newer-schema', 'io'.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const store = await LibraryStore.open(options.libraryPath, {
    notices: options.host === 'cli' ? 'record' : 'show',
  });
  const library = new LibraryService(store);
  // Nothing else may write the index before it is rebuilt: a failed rebuild leaves the library closed.
  await rebuildLostIndex(store, importConverter).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  await library.purgeDeleted();
  const search = searchOnDemand(store, library);
  if (!options.searchOnDemand) void search.service();
  const unfollow = store.changes.subscribe(search.follower);
  const watcher =
    options.watch === false
      ? null
      : (await import('./library/watcher')).watchArticles(options.libraryPath, library, (message) =>
          store.addNotice(message),
        );
  // A book's text for export comes through the library, which rebuilds a missing cache from the copy.
  const exportSource: ExportSource = {
    listArticles: () => store.listArticles(),
    getArticle: (id) => store.getArticle(id),
    getArticleNote: (id) => store.getArticleNote(id),
    listAnnotations: (id) => store.listAnnotations(id),
    listAnnotationsByTag: (tag) => store.listAnnotationsByTag(tag),
    importAnnotations: (id, annotations) => store.importAnnotations(id, annotations),
    readContent: (id) => library.text(id),
    pdfBytes: (id) => library.pdfBytes(id),
  };
  // Export (Handlebars, YAML) and search (MiniSearch) load on their first call.
  const exporting = () => import('./export').then(({ exportHandlers }) => exportHandlers(exportSource));
  const searching = () =>
    Promise.all([search.service(), import('./search/handlers')]).then(([service, { searchHandlers }]) =>
      searchHandlers(service),
    );
  let vaultControl: Promise<VaultControl> | undefined;
  const vault = () =>
    (vaultControl ??= import('./vault/vault-control').then(({ VaultControl }) => {
      const control = new VaultControl({
        libraryPath: options.libraryPath,
        source: exportSource,
        changes: store.changes,
        notify: (message) => store.addNotice(message),
        dataDir: options.dataDir,
      });
      return control.resume().then(() => control);
    }));
  if (options.dataDir) void vault();
  const handlers: Handlers = {
    ...appHandlers(options.host, options.libraryPath, () => store.syncStatus(), options.locale),
    ...libraryHandlers(library, store),
    ...annotationHandlers(store),
    // A search sees every change acknowledged before it: an import returns before its text is
    // indexed, and a search asked meanwhile waits for that.
    search: async (params) => {
      const [handlers] = await Promise.all([searching(), store.delivered()]);
      return handlers.search(params);
    },
    searchStatus: async (params) => (await searching()).searchStatus(params),
    renderExport: async (params) => (await exporting()).renderExport(params),
    importWebAnnotations: async (params) => (await exporting()).importWebAnnotations(params),
    getExportFolder: async () => (await vault()).status(),
    chooseExportFolder: async () => {
      if (!options.chooseFolder) {
        throw new GlossError(
          'unsupported',
          'A browser cannot choose a folder for Gloss. Run gloss export --watch --out DIR once: Gloss keeps DIR current from then on.',
          { key: 'errors.folderInBrowser' },
        );
      }
      const folder = await options.chooseFolder();
      const control = await vault();
      return folder === null ? control.status() : control.set(folder);
    },
    stopExportFolder: async () => (await vault()).set(null),
  };
  let stopped: Promise<void> | undefined;
  return {
    handlers,
    dispatch: createDispatch(handlers),
    exportFiles: async (params, target) => {
      const parsed = renderExportSchema.safeParse(params);
      if (!parsed.success) throw new GlossError('invalid-argument', parsed.error.message);
      return (await import('./export-stream')).exportFiles(exportSource, parsed.data, target);
    },
    vault,
    bookImage: (articleId, name) => library.bookImage(articleId, name),
    changes: store.changes,
    flush: () => store.flush(),
    stop: () =>
      (stopped ??= runEveryStep([
        // Pending changes reach the index before it is saved.
        () => store.flush(),
        // The export folder gets the last changes while the store can still be read.
        async () => (vaultControl ? (await vaultControl).stop() : undefined),
        () => watcher?.close(),
        () => unfollow(),
        () => search.save(),
        () => store.close(),
      ])),
  };
}

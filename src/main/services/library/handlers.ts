import type { libraryMethods } from '../../../shared/contract/library';
import type { HandlersFor } from '../handlers';
import type { LibraryStore } from '../store';
import type { LibraryService } from './library-service';
import { readPdfRange } from './pdf-range';

/**
 * Handlers for the library domain. `importFile` also takes other readers' highlight exports (Kindle's
 * My Clippings.txt, KOReader, Hypothesis, Readwise): see importHighlights.
 */
export function libraryHandlers(
  library: LibraryService,
  store: LibraryStore,
): HandlersFor<typeof libraryMethods> {
  return {
    listArticles: ({ first, skip }) => library.list(first, skip),
    getArticle: ({ id }) => library.get(id),
    getArticleExcerpt: async ({ id, around }) => {
      const excerpt = await library.excerpt(id, around);
      const start = excerpt.blocks[0]?.start ?? 0;
      const range = { start, end: start + excerpt.excerpt.text.length };
      return { ...excerpt, annotations: await store.listAnnotations(id, { range }) };
    },
    getArticleFileRange: async ({ id, begin, end, last }) => {
      const read = await readPdfRange(store, library, id, begin, end, last);
      const data = read.bytes.toString('base64');
      if (!read.last) return { data, length: read.length };
      return {
        data,
        length: read.length,
        last: { begin: read.last.begin, data: read.last.bytes.toString('base64') },
      };
    },
    importFile: async ({ name, data, password }) => {
      // The converters (jsdom among them) load with the first import.
      const { checkImportSize } = await import('../import/import-size');
      checkImportSize(name, Math.floor((data.length * 3) / 4));
      const bytes = Buffer.from(data, 'base64');
      const { readHighlightsFile, importHighlights } = await import('../highlights');
      const highlights = readHighlightsFile(name, bytes);
      if (highlights) return importHighlights(library, store, name, highlights);
      return library.importBytes(bytes, name, { move: true, password });
    },
    updateArticle: ({ id, ...patch }) => library.update(id, patch),
    deleteArticle: ({ id }) => library.delete(id),
    restoreArticle: ({ id }) => library.restore(id),
  };
}

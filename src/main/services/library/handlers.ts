import type { libraryMethods } from '../../../shared/contract/library';
import { GlossError } from '../../../shared/result';
import type { HandlersFor } from '../../rpc';
import { MAX_IMPORT_BYTES } from '../import';
import type { LibraryService } from './library-service';

/** Handlers for the library domain. */
export function libraryHandlers(library: LibraryService): HandlersFor<typeof libraryMethods> {
  return {
    listArticles: () => library.list(),
    getArticle: ({ id }) => library.get(id),
    importFile: ({ name, data }) => {
      const size = Math.floor((data.length * 3) / 4);
      if (size > MAX_IMPORT_BYTES) {
        throw new GlossError(
          'too-large',
          `“${name}” is ${Math.ceil(size / 2 ** 20)} MB; Gloss imports files up to ${MAX_IMPORT_BYTES / 2 ** 20} MB.`,
        );
      }
      return library.importBytes(Buffer.from(data, 'base64'), name);
    },
    updateArticle: ({ id, ...patch }) => library.update(id, patch),
    deleteArticle: ({ id }) => library.delete(id),
    restoreArticle: ({ id }) => library.restore(id),
  };
}

import type { annotationMethods } from '../../shared/contract/annotations';
import { GlossError } from '../../shared/result';
import { describeRange } from '../../shared/text/selectors';
import type { HandlersFor } from '../rpc';
import type { LibraryStore } from './store';

/** Handlers for highlights, notes, tags, undo, settings and change notification, over one open store. */
export function annotationHandlers(store: LibraryStore): HandlersFor<typeof annotationMethods> {
  return {
    listAnnotations: ({ articleId }) => store.listAnnotations(articleId),
    createAnnotation: async ({ articleId, start, end, color, note, tags }) => {
      const article = store.getArticle(articleId);
      if (!article || article.deleted) {
        throw new GlossError('not-found', `There is no article with id ${articleId} in this library.`);
      }
      const content = await store.readContent(articleId);
      if (!content) {
        throw new GlossError(
          'not-found',
          `The text of “${article.title}” is not available; open the article again to rebuild it.`,
        );
      }
      let target;
      try {
        target = describeRange(content.text, start, end);
      } catch (error) {
        if (error instanceof RangeError) throw new GlossError('invalid-argument', error.message);
        throw error;
      }
      return store.createAnnotation({ articleId, target, color, note, tags });
    },
    updateAnnotation: ({ articleId, id, ...patch }) => store.updateAnnotation(articleId, id, patch),
    deleteAnnotation: ({ articleId, id }) => store.deleteAnnotation(articleId, id),
    getArticleNote: ({ articleId }) => store.getArticleNote(articleId),
    setArticleNote: ({ articleId, note }) => store.setArticleNote(articleId, note),
    listAnnotationsByTag: ({ tag }) => store.listAnnotationsByTag(tag),
    listTags: () => store.listTags(),
    createTag: ({ name, color }) => store.createTag(name, color ?? null),
    recolorTag: ({ name, color }) => store.recolorTag(name, color),
    renameTag: ({ from, to }) => store.renameTag(from, to),
    deleteTag: ({ name }) => store.deleteTag(name),
    undo: () => store.undo(),
    redo: () => store.redo(),
    getSettings: () => store.getSettings(),
    updateSettings: (patch) => store.updateSettings(patch),
    waitForChange: ({ since, timeoutMs }) => store.waitForChange(since, timeoutMs),
    takeNotices: () => store.takeNotices(),
  };
}

import type { annotationMethods } from '../../shared/contract/annotations';
import type { AnnotationTarget, PdfArea } from '../../shared/model/annotation';
import { GlossError } from '../../shared/result';
import { describeRange } from '../../shared/text/selectors';
import type { HandlersFor } from './handlers';
import type { LibraryStore } from './store';

/** Handlers for highlights, notes, tags, undo, settings and change notification, over one open store. */
export function annotationHandlers(store: LibraryStore): HandlersFor<typeof annotationMethods> {
  return {
    listAnnotations: ({ articleId, range, ids }) => store.listAnnotations(articleId, { range, ids }),
    createAnnotation: async ({ articleId, start, end, color, note, tags, pdf }) => {
      const target = await targetOf(store, articleId, start, end);
      return store.createAnnotation({
        articleId,
        target: pdf ? { ...target, pdf } : target,
        color,
        note,
        tags,
      });
    },
    createAreaAnnotation: async ({ articleId, area, color, note, tags }) => {
      const target = await areaTargetOf(store, articleId, area);
      return store.createAnnotation({ articleId, target, color, note, tags });
    },
    reattachAnnotation: async ({ articleId, id, start, end }) => {
      const target = await targetOf(store, articleId, start, end);
      if (!(await store.listAnnotations(articleId)).some((a) => a.id === id)) {
        throw new GlossError('not-found', 'That highlight is no longer in this article.');
      }
      await store.replaceTargets(articleId, [{ id, target, orphaned: false }]);
      const placed = (await store.listAnnotations(articleId)).find((a) => a.id === id);
      if (!placed) throw new GlossError('not-found', 'That highlight is no longer in this article.');
      return placed;
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
    undo: (scope) => store.undo(scope),
    redo: (scope) => store.redo(scope),
    peekUndo: (scope) => Promise.resolve(store.peekUndo(scope)),
    getSettings: () => store.getSettings(),
    updateSettings: (patch) => store.updateSettings(patch),
    waitForChanges: ({ since, timeoutMs }) => store.changes.wait(since, timeoutMs),
    takeNotices: () => store.takeNotices(),
  };
}

/**
 * The W3C target for [start, end) of an article's canonical text.
 * @throws GlossError 'not-found' for an unknown article or missing text, 'invalid-argument' for a bad range.
 */
async function targetOf(store: LibraryStore, articleId: string, start: number, end: number) {
  const content = await contentOf(store, articleId);
  try {
    return describeRange(content.text, start, end);
  } catch (error) {
    if (error instanceof RangeError) throw new GlossError('invalid-argument', error.message);
    throw error;
  }
}

/**
 * The target of an area highlight on a page of a PDF: empty quote, empty position at the page's start.
 * @throws GlossError 'not-found' as targetOf, 'invalid-argument' when the article has no such page.
 */
async function areaTargetOf(
  store: LibraryStore,
  articleId: string,
  area: PdfArea,
): Promise<AnnotationTarget> {
  const page = (await contentOf(store, articleId)).pages?.[area.page];
  if (!page) {
    throw new GlossError('invalid-argument', `This article has no PDF page ${area.page + 1} to highlight.`);
  }
  return {
    quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: page.start, end: page.start },
    area,
  };
}

/**
 * An article's canonical content.
 * @throws GlossError 'not-found' for an unknown article or missing text.
 */
async function contentOf(store: LibraryStore, articleId: string) {
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
  return content;
}

import { api } from '../api';
import { byDocumentOrder } from '../../../shared/model/document-order';
import { blocksOfLayout } from '../../../shared/text/block-layout';
import { insertAnnotation, mergeAnnotations } from './changes';
import { findAll, NO_MATCHES } from '../../../shared/text/find';
import { type Annotation } from '../../../shared/model/annotation';
import { DEFAULT_SETTINGS } from '../../../shared/model/default-settings';
import type { FindState, NotesFilter, ReaderContent, ReaderSlice, Slice } from './types';
import { unwrapWith } from './unwrap';
import { startArticlePdf } from '../reader/pdf/article-source';
import { dropPdf } from '../reader/pdf/pdfjs';
import { painted } from '../ui/after-paint';

const NO_FILTER: NotesFilter = { color: '', tag: '', text: '' };

/** The longest a PDF's whole text waits for its first page to be drawn, ms. */
const PDF_PAGES_WAIT_MS = 3000;

const CLOSED_FIND: FindState = { open: false, query: '', exact: false, matches: NO_MATCHES, current: -1 };

/** The reader slice: the open article, its highlights, find, and the reader's settings. */
export const createReaderSlice: Slice<ReaderSlice> = (set, get) => {
  const unwrap = unwrapWith(get);
  /** A reading position not yet saved (saving waits for scrolling to pause). */
  let pendingProgress: { timer: ReturnType<typeof setTimeout>; save: () => void } | null = null;
  let scrollSeq = 0;
  /** Counts article openings, so an answer for an article no longer shown is dropped. */
  let openSeq = 0;
  /** Counts local highlight changes, so a list fetched while one was made is fetched again. */
  let localEdits = 0;
  /** Ends the wait of the PDF being opened for its first page (see pdfPagesShown). */
  let pagesShown: (() => void) | null = null;
  const pdfPagesDrawn = (): Promise<void> =>
    new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (pagesShown === done) pagesShown = null;
        resolve();
      };
      const timer = setTimeout(done, PDF_PAGES_WAIT_MS);
      pagesShown = done;
    });
  return {
    content: null,
    annotations: [],
    selectedAnnotationId: null,
    settings: DEFAULT_SETTINGS,
    find: CLOSED_FIND,
    scrollRequest: null,
    notesFilter: NO_FILTER,
    pdfStart: null,

    setNotesFilter(notesFilter) {
      set({ notesFilter });
    },

    async openArticle(id, scrollTo) {
      const opening = ++openSeq;
      // A PDF's bytes, pdf.js and its worker load while the first screen is fetched (see usePdfDocument).
      const unused = get().pdfStart;
      if (unused) dropPdf(unused.start);
      const shown = get().view.kind === 'reader' && get().content?.article.id === id;
      const pdf = !shown && get().articles.find((a) => a.id === id)?.format === 'pdf';
      set({ pdfStart: pdf ? { id, start: startArticlePdf(id) } : null });
      // First the blocks around the reading position and their highlights: the first screen, in one call.
      const first = await unwrap(api.getArticleExcerpt({ id, around: scrollTo }));
      if (!first || opening !== openSeq) return;
      const { excerpt, annotations } = first;
      const blocks = blocksOfLayout(first.layout, first.blocks, excerpt.from);
      const textStart = blocks[excerpt.from]?.start ?? 0;
      const offset = scrollTo ?? Math.round(first.article.progress * first.length);
      set({
        content: {
          article: first.article,
          blocks,
          note: first.note,
          text: excerpt.text,
          textStart,
          length: first.length,
          loaded: { from: excerpt.from, to: excerpt.to },
          whole: false,
          ...(first.pages && { pages: first.pages }),
        },
        annotations,
        selectedAnnotationId: null,
        find: CLOSED_FIND,
        notesFilter: NO_FILTER,
        view: { kind: 'reader', articleId: id },
        scrollRequest:
          offset > 0
            ? { offset, align: scrollTo === undefined ? 'start' : 'center', seq: ++scrollSeq }
            : null,
      });
      // Then the whole text and every highlight, once the first screen is on screen (their parsing would
      // otherwise hold up its painting), highlights included: their marks go in when the first frame
      // reports which blocks are visible, so two frames. A PDF's once its first page is drawn, as they
      // would hold it up.
      await (pdf ? pdfPagesDrawn() : painted(2));
      if (opening !== openSeq) return;
      await get().reloadArticle();
      const content = get().content;
      // Prepare the folded text for find while the reader is idle, so the first keystroke only scans; a
      // PDF's when find opens, as it would hold up the drawing of its pages.
      if (content?.whole && opening === openSeq && content.article.format !== 'pdf') {
        setTimeout(() => {
          if (get().content === content) findAll(content.text, 'a');
        }, 300);
      }
    },

    pdfPagesShown() {
      pagesShown?.();
    },

    takePdfStart(id) {
      const taken = get().pdfStart;
      if (taken?.id !== id) return null;
      set({ pdfStart: null });
      return taken.start;
    },

    async reloadArticle() {
      const current = get().content;
      if (!current) return;
      const id = current.article.id;
      const edits = localEdits;
      // The article's record and structure (small) and its highlights; its text only if it is not here.
      const [head, annotations] = await Promise.all([
        unwrap(api.getArticleExcerpt({ id, around: 0 })),
        unwrap(api.listAnnotations({ articleId: id })),
      ]);
      if (!head || !annotations || get().content?.article.id !== id) return;
      const sameText = head.article.contentHash === get().content?.article.contentHash;
      const full = sameText && get().content?.whole ? null : await unwrap(api.getArticle({ id }));
      const shown = get().content;
      if (full === undefined || shown?.article.id !== id) return;
      // A highlight changed here meanwhile: this list may predate it, so ask again.
      if (edits !== localEdits) return get().reloadArticle();
      // Same text: keep the rendered blocks (and with them the reader's selection and marks), unless
      // they came with an excerpt, which leaves out the markup and wrappers of blocks outside it.
      const blocks =
        full && (!sameText || full.blocks.some((b) => b.html !== undefined || b.wrap !== undefined))
          ? full.blocks
          : shown.blocks;
      const text = full ? full.text : shown.text;
      const next: ReaderContent = {
        article: head.article,
        blocks,
        note: head.note,
        text,
        textStart: 0,
        length: text.length,
        loaded: { from: 0, to: blocks.length },
        whole: true,
        ...((full?.pages ?? shown.pages) && { pages: full?.pages ?? shown.pages }),
      };
      const { find } = get();
      const matches = find.query ? findAll(next.text, find.query, { exact: find.exact }) : NO_MATCHES;
      const count = matches.starts.length;
      const index = find.current >= 0 && find.current < count ? find.current : 0;
      set({
        content: next,
        annotations,
        find: { ...find, matches, current: count ? index : -1 },
      });
    },

    async refreshAnnotations(ids) {
      const id = get().content?.article.id;
      if (!id || ids.length === 0) return;
      // A whole list being fetched meanwhile may predate these: it is fetched again.
      localEdits++;
      const fetched = await unwrap(api.listAnnotations({ articleId: id, ids }));
      if (!fetched || get().content?.article.id !== id) return;
      const annotations = mergeAnnotations(get().annotations, ids, fetched);
      if (annotations === get().annotations) return;
      const selected = get().selectedAnnotationId;
      const kept = annotations.some((a) => a.id === selected);
      set({ annotations, selectedAnnotationId: kept ? selected : null });
    },

    closeArticle() {
      get().flushProgress();
      const unused = get().pdfStart;
      if (unused) dropPdf(unused.start);
      set({
        pdfStart: null,
        content: null,
        annotations: [],
        selectedAnnotationId: null,
        find: CLOSED_FIND,
        view: { kind: 'library' },
      });
      void get().loadArticles();
    },

    async loadSettings(pending) {
      const settings = await unwrap(pending ?? api.getSettings({}));
      if (settings) set({ settings });
    },

    async updateSettings(patch) {
      set({ settings: { ...get().settings, ...patch } });
      const settings = await unwrap(api.updateSettings(patch));
      if (settings) set({ settings });
    },

    async createHighlight(place, color) {
      const content = get().content;
      if (!content) return undefined;
      localEdits++;
      const articleId = content.article.id;
      const created = await unwrap(
        'area' in place
          ? api.createAreaAnnotation({ articleId, area: place.area, color })
          : api.createAnnotation({ articleId, ...place, color }),
      );
      if (created) {
        set({
          annotations: insertAnnotation(get().annotations, created),
          selectedAnnotationId: created.id,
        });
      }
      return created;
    },

    async updateAnnotation(id, patch) {
      const content = get().content;
      if (!content) return;
      localEdits++;
      const updated = await unwrap(api.updateAnnotation({ articleId: content.article.id, id, ...patch }));
      if (updated) set({ annotations: get().annotations.map((a) => (a.id === id ? updated : a)) });
      if (patch.tags) void get().loadTags();
    },

    async deleteAnnotation(id) {
      const content = get().content;
      if (!content) return;
      localEdits++;
      const deleted = await unwrap(api.deleteAnnotation({ articleId: content.article.id, id }));
      if (!deleted) return;
      set({
        annotations: get().annotations.filter((a) => a.id !== id),
        selectedAnnotationId: get().selectedAnnotationId === id ? null : get().selectedAnnotationId,
      });
      await get().offerUndo(get().i18n.t('reader.deletedHighlight'), content.article.id);
    },

    async reattachAnnotation(id, start, end) {
      const content = get().content;
      if (!content) return;
      localEdits++;
      const placed = await unwrap(api.reattachAnnotation({ articleId: content.article.id, id, start, end }));
      if (!placed) return;
      set({ annotations: sortAnnotations(get().annotations.map((a) => (a.id === id ? placed : a))) });
      get().notify('info', get().i18n.t('reader.reattached'));
    },

    selectAnnotation(id) {
      set({ selectedAnnotationId: id });
    },

    async undo(entry) {
      const articleId = get().content?.article.id;
      const outcome = await unwrap(api.undo(entry === undefined ? { articleId } : { entry }));
      if (entry !== undefined) get().disableUndo(entry);
      if (outcome === undefined) return;
      if (outcome === null) {
        get().notify('info', get().i18n.t('reader.nothingToUndo'));
        return;
      }
      get().disableUndo(outcome.entry);
      // The highlights and tags it changed arrive as change events (see sync.ts).
      get().notify('info', `${get().i18n.t('undo.undid', { what: get().say(outcome.what) })}.`);
    },

    async redo() {
      const articleId = get().content?.article.id;
      const outcome = await unwrap(api.redo({ articleId }));
      if (outcome === undefined) return;
      if (outcome === null) {
        get().notify('info', get().i18n.t('reader.nothingToRedo'));
        return;
      }
      get().notify('info', `${get().i18n.t('undo.redid', { what: get().say(outcome.what) })}.`);
    },

    async offerUndo(text, articleId) {
      const last = await api.peekUndo({ articleId });
      const entry = last.ok ? last.value?.entry : undefined;
      get().notify(
        'info',
        text,
        entry === undefined
          ? undefined
          : { label: get().i18n.t('app.undo'), undoEntry: entry, run: () => void get().undo(entry) },
      );
    },

    async setArticleNote(note) {
      const content = get().content;
      if (!content) return;
      const saved = await unwrap(api.setArticleNote({ articleId: content.article.id, note }));
      if (saved !== undefined && get().content?.article.id === content.article.id) {
        set({ content: { ...content, note } });
      }
    },

    saveProgress(progress) {
      const content = get().content;
      if (!content) return;
      const id = content.article.id;
      if (pendingProgress) clearTimeout(pendingProgress.timer);
      const save = () => {
        pendingProgress = null;
        void api.updateArticle({ id, progress: Math.min(1, Math.max(0, progress)) });
      };
      pendingProgress = { timer: setTimeout(save, 800), save };
    },

    flushProgress() {
      if (!pendingProgress) return;
      clearTimeout(pendingProgress.timer);
      pendingProgress.save();
    },

    scrollTo(offset, align = 'center') {
      set({ scrollRequest: { offset, align, seq: ++scrollSeq } });
    },

    openFind() {
      set({ find: { ...get().find, open: true } });
      const content = get().content;
      if (content?.whole && content.article.format === 'pdf') {
        // Once the find bar is shown.
        setTimeout(() => {
          if (get().content === content) findAll(content.text, 'a');
        }, 0);
      }
    },

    markPassage(start, end) {
      const matches = { starts: Int32Array.of(start), ends: Int32Array.of(end) };
      set({ find: { ...CLOSED_FIND, matches, current: 0 } });
    },

    closeFind() {
      set({ find: CLOSED_FIND });
    },

    setFindQuery(query, exact = get().find.exact) {
      const content = get().content;
      // Until the whole text is here the query waits; it is answered when the text arrives (reloadArticle).
      const matches = content?.whole && query.trim() ? findAll(content.text, query, { exact }) : NO_MATCHES;
      const count = matches.starts.length;
      set({ find: { open: true, query, exact, matches, current: count ? 0 : -1 } });
      if (count) get().scrollTo(matches.starts[0]!);
    },

    stepFind(delta) {
      const { find } = get();
      const count = find.matches.starts.length;
      if (!count) return;
      const current = (find.current + delta + count) % count;
      set({ find: { ...find, current } });
      get().scrollTo(find.matches.starts[current]!);
    },
  };
};

/** Document order: by start, then end. */
function sortAnnotations(list: Annotation[]): Annotation[] {
  return [...list].sort(byDocumentOrder);
}

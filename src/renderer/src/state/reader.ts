import { api } from '../api';
import { findAll } from '../../../shared/text/find';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type ArticleContent,
  type HighlightColor,
  type Settings,
} from '../../../shared/types';
import { unwrap, type Slice } from './store';

/** Find-in-article state; matches are canonical ranges counted on the text model. */
export interface FindState {
  open: boolean;
  query: string;
  exact: boolean;
  matches: { start: number; end: number }[];
  /** Index of the current match, -1 when none. */
  current: number;
}

/** Where the reader should scroll next (consumed by the article view). */
export interface ScrollRequest {
  offset: number;
  /** Increments so the same offset can be requested twice. */
  seq: number;
}

export interface ReaderSlice {
  content: ArticleContent | null;
  annotations: Annotation[];
  selectedAnnotationId: string | null;
  settings: Settings;
  find: FindState;
  scrollRequest: ScrollRequest | null;
  notesFilter: NotesFilter;
  setNotesFilter(filter: NotesFilter): void;
  openArticle(id: string, scrollTo?: number): Promise<void>;
  reloadArticle(): Promise<void>;
  closeArticle(): void;
  loadSettings(): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  createHighlight(start: number, end: number, color: HighlightColor): Promise<Annotation | undefined>;
  updateAnnotation(
    id: string,
    patch: { color?: HighlightColor; note?: string; tags?: string[] },
  ): Promise<void>;
  deleteAnnotation(id: string): Promise<void>;
  reattachAnnotation(id: string, start: number, end: number): Promise<void>;
  selectAnnotation(id: string | null): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  setArticleNote(note: string): Promise<void>;
  saveProgress(progress: number): void;
  scrollTo(offset: number): void;
  openFind(): void;
  closeFind(): void;
  setFindQuery(query: string, exact?: boolean): void;
  stepFind(delta: 1 | -1): void;
}

/** Filters of the notes panel; text is matched accent-insensitively. */
export interface NotesFilter {
  color: HighlightColor | '';
  tag: string;
  text: string;
}

const NO_FILTER: NotesFilter = { color: '', tag: '', text: '' };

const CLOSED_FIND: FindState = { open: false, query: '', exact: false, matches: [], current: -1 };

let progressTimer: ReturnType<typeof setTimeout> | undefined;
let scrollSeq = 0;

export const createReaderSlice: Slice<ReaderSlice> = (set, get) => ({
  content: null,
  annotations: [],
  selectedAnnotationId: null,
  settings: DEFAULT_SETTINGS,
  find: CLOSED_FIND,
  scrollRequest: null,
  notesFilter: NO_FILTER,

  setNotesFilter(notesFilter) {
    set({ notesFilter });
  },

  async openArticle(id, scrollTo) {
    const [content, annotations] = await Promise.all([
      unwrap(api.getArticle({ id })),
      unwrap(api.listAnnotations({ articleId: id })),
    ]);
    if (!content || !annotations) return;
    const offset = scrollTo ?? Math.round(content.article.progress * content.text.length);
    set({
      content,
      annotations,
      selectedAnnotationId: null,
      find: CLOSED_FIND,
      notesFilter: NO_FILTER,
      view: { kind: 'reader', articleId: id },
      scrollRequest: offset > 0 ? { offset, seq: ++scrollSeq } : null,
    });
    // Prepare the folded text for find while the reader is idle, so the first keystroke only scans.
    setTimeout(() => {
      if (get().content === content) findAll(content.text, 'a');
    }, 300);
  },

  async reloadArticle() {
    const current = get().content;
    if (!current) return;
    const id = current.article.id;
    const [content, annotations] = await Promise.all([
      unwrap(api.getArticle({ id })),
      unwrap(api.listAnnotations({ articleId: id })),
    ]);
    const shown = get().content;
    if (!content || !annotations || shown?.article.id !== id) return;
    // Same text: keep the rendered blocks (and with them the reader's selection and marks).
    const next =
      content.article.contentHash === shown.article.contentHash
        ? { ...content, text: shown.text, blocks: shown.blocks }
        : content;
    const { find } = get();
    const matches = find.query ? findAll(next.text, find.query, { exact: find.exact }) : [];
    const index = find.current >= 0 && find.current < matches.length ? find.current : 0;
    set({
      content: next,
      annotations,
      find: { ...find, matches, current: matches.length ? index : -1 },
    });
  },

  closeArticle() {
    set({
      content: null,
      annotations: [],
      selectedAnnotationId: null,
      find: CLOSED_FIND,
      view: { kind: 'library' },
    });
    void get().loadArticles();
  },

  async loadSettings() {
    const settings = await unwrap(api.getSettings({}));
    if (settings) set({ settings });
  },

  async updateSettings(patch) {
    set({ settings: { ...get().settings, ...patch } });
    const settings = await unwrap(api.updateSettings(patch));
    if (settings) set({ settings });
  },

  async createHighlight(start, end, color) {
    const content = get().content;
    if (!content) return undefined;
    const created = await unwrap(api.createAnnotation({ articleId: content.article.id, start, end, color }));
    if (created) {
      set({
        annotations: sortAnnotations([...get().annotations, created]),
        selectedAnnotationId: created.id,
      });
    }
    return created;
  },

  async updateAnnotation(id, patch) {
    const content = get().content;
    if (!content) return;
    const updated = await unwrap(api.updateAnnotation({ articleId: content.article.id, id, ...patch }));
    if (updated) set({ annotations: get().annotations.map((a) => (a.id === id ? updated : a)) });
    if (patch.tags) void get().loadTags();
  },

  async deleteAnnotation(id) {
    const content = get().content;
    if (!content) return;
    const deleted = await unwrap(api.deleteAnnotation({ articleId: content.article.id, id }));
    if (!deleted) return;
    set({
      annotations: get().annotations.filter((a) => a.id !== id),
      selectedAnnotationId: get().selectedAnnotationId === id ? null : get().selectedAnnotationId,
    });
    get().notify('info', 'Highlight deleted. Press Ctrl+Z to undo.', {
      label: 'Undo',
      run: () => void get().undo(),
    });
  },

  async reattachAnnotation(id, start, end) {
    const content = get().content;
    if (!content) return;
    const placed = await unwrap(api.reattachAnnotation({ articleId: content.article.id, id, start, end }));
    if (!placed) return;
    set({ annotations: sortAnnotations(get().annotations.map((a) => (a.id === id ? placed : a))) });
    get().notify('info', 'Highlight re-attached.');
  },

  selectAnnotation(id) {
    set({ selectedAnnotationId: id });
  },

  async undo() {
    const outcome = await unwrap(api.undo({}));
    if (outcome === undefined) return;
    if (outcome === null) return get().notify('info', 'Nothing to undo.');
    await Promise.all([get().reloadArticle(), get().loadTags()]);
    get().notify('info', `${outcome.label}.`);
  },

  async redo() {
    const outcome = await unwrap(api.redo({}));
    if (outcome === undefined) return;
    if (outcome === null) return get().notify('info', 'Nothing to redo.');
    await Promise.all([get().reloadArticle(), get().loadTags()]);
    get().notify('info', `${outcome.label}.`);
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
    clearTimeout(progressTimer);
    progressTimer = setTimeout(() => {
      void api.updateArticle({ id, progress: Math.min(1, Math.max(0, progress)) });
    }, 800);
  },

  scrollTo(offset) {
    set({ scrollRequest: { offset, seq: ++scrollSeq } });
  },

  openFind() {
    set({ find: { ...get().find, open: true } });
  },

  closeFind() {
    set({ find: CLOSED_FIND });
  },

  setFindQuery(query, exact = get().find.exact) {
    const text = get().content?.text ?? '';
    const matches = query.trim() ? findAll(text, query, { exact }) : [];
    set({ find: { open: true, query, exact, matches, current: matches.length ? 0 : -1 } });
    const first = matches[0];
    if (first) get().scrollTo(first.start);
  },

  stepFind(delta) {
    const { find } = get();
    if (!find.matches.length) return;
    const current = (find.current + delta + find.matches.length) % find.matches.length;
    set({ find: { ...find, current } });
    const match = find.matches[current];
    if (match) get().scrollTo(match.start);
  },
});

/** Document order: by start, then end. */
function sortAnnotations(list: Annotation[]): Annotation[] {
  return [...list].sort(
    (a, b) =>
      a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end,
  );
}

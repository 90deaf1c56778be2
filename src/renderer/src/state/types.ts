import type { StateCreator } from 'zustand';
import type { Matches } from '../../../shared/text/find';
import type { Annotation, HighlightColor, PdfArea, PdfPageRects } from '../../../shared/model/annotation';
import type { AppInfo } from '../../../shared/model/app';
import type { i18n } from 'i18next';
import type { ApiError, Result } from '../../../shared/result';
import type { Notice as ServiceNotice } from '../../../shared/model/notice';
import type { ArticleMeta, Block, Page } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import type { TagInfo } from '../../../shared/model/tag';
import type { PdfStart } from '../reader/pdf/pdfjs';

/**
 * The shape of the renderer's store, slice by slice. The slices' implementations (app.ts, library.ts,
 * reader.ts) and the store that joins them (store.ts) all import from here, never from each other.
 */

/** A message shown to the user in the notice area; errors stay until dismissed. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Optional action button, e.g. "Undo". */
  action?: NoticeAction;
}

/** A notice's button. An Undo button names the operation it undoes, and is disabled once that is undone. */
export interface NoticeAction {
  label: string;
  run: () => void;
  /** The undo entry (see the `undo` method) this button undoes. */
  undoEntry?: number;
  disabled?: boolean;
}

/** Which screen is shown. */
export type View = { kind: 'library' } | { kind: 'reader'; articleId: string };

/** The window: app info, notices and the current view. */
export interface AppSlice {
  info: AppInfo | null;
  /** The interface's translations; its language follows the setting, else the system (see use-locale.ts). */
  i18n: i18n;
  /** A service's error in the user's language (its English message in English). */
  describe(error: ApiError): string;
  /** A service's notice (an import result, a repair, a sync conflict merged) in the user's language. */
  say(notice: ServiceNotice): string;
  notices: Notice[];
  view: View;
  /** Counts the arrivals of other computers' changes (see `devices-changed`), so their status is asked again. */
  devicesRevision: number;
  /** Notes that another computer's changes arrived. */
  devicesChanged(): void;
  /** Reads the app's info, or takes it from `pending` (a request made earlier). */
  loadInfo(pending?: Promise<Result<AppInfo>>): Promise<void>;
  /** Shows a notice and returns its id; info notices go by themselves after 6 s (10 s with an action), errors stay. */
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): number;
  /** Disables the Undo button of notices about undo entry `entry` (it was undone some other way). */
  disableUndo(entry: number): void;
  dismiss(id: number): void;
  show(view: View): void;
}

/** Progress and outcome of importing a batch of files. */
export interface ImportState {
  total: number;
  done: number;
  /** Name of the file being imported now. */
  current: string | null;
  imported: number;
  /** Sentences about files not added as new articles: already in the library, or new versions of one. */
  notes: string[];
  /** Names of files skipped because their text is already in the library. */
  duplicates: string[];
  /** Names of files that replaced the text of an article imported from a file of the same name. */
  updated: string[];
  failures: { name: string; message: string }[];
}

/**
 * An import waiting for the password of a password-protected PDF: the file's name, whether the last
 * password was wrong, and how to answer (null cancels). The password itself is never held here.
 */
export interface PasswordRequest {
  file: string;
  wrong: boolean;
  /** Counts the passwords asked for this file, from 0. */
  attempt: number;
  answer(password: string | null): void;
}

/** The library: articles, tags and imports. */
export interface LibrarySlice {
  articles: ArticleMeta[];
  /** Whether `articles` is the whole list (until then it may be only its first page). */
  articlesLoaded: boolean;
  tags: TagInfo[];
  importState: ImportState | null;
  /** Set while an import asks for a PDF's password (see PasswordRequest). */
  passwordRequest: PasswordRequest | null;
  /** Heights of the rows the page drew before the app started, px, by article id (see plain-screen.ts). */
  drawnRowHeights: ReadonlyMap<string, number>;
  /**
   * Reads the whole list again, page by page, and shows it once complete. The first time, the first
   * page is shown as soon as it comes: `firstPage` when given (a request already under way), else one
   * asked for here. A later call supersedes an earlier one still reading.
   */
  loadArticles(firstPage?: Promise<Result<ArticleMeta[]>>): Promise<void>;
  loadTags(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  clearImportState(): void;
  /** Resolves to false when the services refused the change (the error is shown). */
  updateArticle(
    id: string,
    patch: Partial<Pick<ArticleMeta, 'title' | 'author' | 'published' | 'tags'>>,
  ): Promise<boolean>;
  deleteArticle(id: string): Promise<void>;
  /** Resolves to false when the services refused the change (the error is shown). */
  renameTag(from: string, to: string): Promise<boolean>;
  recolorTag(name: string, color: string): Promise<void>;
  deleteTag(name: string): Promise<void>;
}

/**
 * The article as the reader holds it. A long article arrives in two steps: first the text of the blocks
 * around the reading position (enough to paint the first screen at once), then the whole text.
 */
export interface ReaderContent {
  article: ArticleMeta;
  blocks: Block[];
  note: string;
  /** The canonical text held so far: all of it once `whole`, else the text of the `loaded` blocks. */
  text: string;
  /** Canonical offset at which `text` begins (0 once whole). */
  textStart: number;
  /** Length of the whole canonical text. */
  length: number;
  /** Blocks [from, to) whose text is held. */
  loaded: { from: number; to: number };
  /** True once the whole text and every highlight have arrived. */
  whole: boolean;
  /** PDF only, once the whole text has arrived: where each page's text lies. */
  pages?: Page[];
}

/** Find-in-article state; matches are canonical ranges counted on the text model. */
export interface FindState {
  open: boolean;
  query: string;
  exact: boolean;
  matches: Matches;
  /** Index of the current match, -1 when none. */
  current: number;
}

/** Where the reader should scroll next (consumed by the article view). */
export interface ScrollRequest {
  offset: number;
  /** Where the offset's block goes: the top of the view (a restored reading position) or its centre. */
  align: 'start' | 'center';
  /** Increments so the same offset can be requested twice. */
  seq: number;
}

/** Filters of the notes panel; text is matched accent-insensitively. */
export interface NotesFilter {
  color: HighlightColor | '';
  tag: string;
  text: string;
}

/** The open article, its highlights, find, and the reader's settings. */
export interface ReaderSlice {
  content: ReaderContent | null;
  annotations: Annotation[];
  selectedAnnotationId: string | null;
  settings: Settings;
  find: FindState;
  scrollRequest: ScrollRequest | null;
  notesFilter: NotesFilter;
  /** A PDF's opening set going by `openArticle` before the reader shows it, until the reader takes it. */
  pdfStart: { id: string; start: PdfStart } | null;
  setNotesFilter(filter: NotesFilter): void;
  /** Opens an article at `scrollTo` (a canonical offset), else where it was left. */
  openArticle(id: string, scrollTo?: number): Promise<void>;
  /** The opening of PDF `id` set going by `openArticle`, handed over once (then null), else null. */
  takePdfStart(id: string): PdfStart | null;
  /**
   * The PDF reader's first page is drawn, or it cannot draw (a password asked, a failure): the whole
   * text and every highlight are fetched then (see `openArticle`).
   */
  pdfPagesShown(): void;
  /** Fetches the open article's record and highlights again, and its text if that changed. */
  reloadArticle(): Promise<void>;
  /** Fetches the open article's highlights `ids` again and merges them in (an id not returned was deleted). */
  refreshAnnotations(ids: string[]): Promise<void>;
  closeArticle(): void;
  /** Reads the settings, or takes them from `pending` (a request made earlier). */
  loadSettings(pending?: Promise<Result<Settings>>): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  /**
   * Highlights [start, end) of the canonical text (with its PDF page rectangles, when given), or an
   * area of a PDF page; the new highlight becomes the selected one.
   */
  createHighlight(
    place: { start: number; end: number; pdf?: PdfPageRects[] } | { area: PdfArea },
    color: HighlightColor,
  ): Promise<Annotation | undefined>;
  updateAnnotation(
    id: string,
    patch: { color?: HighlightColor; note?: string; tags?: string[] },
  ): Promise<void>;
  deleteAnnotation(id: string): Promise<void>;
  reattachAnnotation(id: string, start: number, end: number): Promise<void>;
  selectAnnotation(id: string | null): void;
  /**
   * Undoes the open article's newest change (tag operations included), or exactly undo entry `entry`
   * when given (a notice's Undo), and says what was undone.
   */
  undo(entry?: number): Promise<void>;
  redo(): Promise<void>;
  /** Shows an info notice `text` whose Undo button undoes exactly the operation just done. */
  offerUndo(text: string, articleId?: string): Promise<void>;
  setArticleNote(note: string): Promise<void>;
  /** Saves the reading position (0–1 of the text) once scrolling pauses for 800 ms. */
  saveProgress(progress: number): void;
  /** Saves a reading position still waiting for the pause now (on leaving the article or the page). */
  flushProgress(): void;
  /** Scrolls the reader to canonical `offset`: its block in the centre of the view, or at its top with 'start'. */
  scrollTo(offset: number, align?: 'start' | 'center'): void;
  openFind(): void;
  closeFind(): void;
  /** Marks canonical [start, end) as the current find match (a search result opened), without the find bar. */
  markPassage(start: number, end: number): void;
  setFindQuery(query: string, exact?: boolean): void;
  stepFind(delta: 1 | -1): void;
}

/** The whole store. */
export type GlossState = AppSlice & LibrarySlice & ReaderSlice;

/** A slice creator over the whole state, so slices can read each other. */
export type Slice<T> = StateCreator<GlossState, [], [], T>;

/** Facts about the running app, shown in the UI and by `gloss --version`. */
export interface AppInfo {
  name: string;
  version: string;
  /** Which host serves the API: Electron IPC, the loopback web host, or the CLI. */
  host: 'electron' | 'web' | 'cli';
  /** Absolute path of the library folder. */
  libraryPath: string;
}

/** Formats Gloss imports, named by their usual file extension. */
export type ArticleFormat = 'txt' | 'md' | 'html';

/**
 * One block of an article (paragraph, heading, list item, quote, code).
 * `start`/`end` are UTF-16 offsets into the canonical text, end exclusive.
 * `html`, present for Markdown and HTML articles, is sanitized inline HTML
 * whose text content is exactly `text.slice(start, end)`.
 */
export interface Block {
  kind: 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'li' | 'blockquote' | 'pre';
  start: number;
  end: number;
  html?: string;
}

/** An article's metadata, as kept in the library index (library.json). */
export interface ArticleMeta {
  /** UUID. */
  id: string;
  title: string;
  author: string | null;
  /** Publication date as ISO 8601 (date, or date and time) when known. */
  published: string | null;
  /** Path of the imported copy, relative to the library folder (always under `articles/`). */
  sourceFile: string;
  format: ArticleFormat;
  /** SHA-256 (hex) of the canonical text. */
  contentHash: string;
  wordCount: number;
  /** Length of the canonical text in UTF-16 code units. */
  charCount: number;
  tags: string[];
  /** Reading progress, 0 (start) to 1 (end). */
  progress: number;
  /** Non-deleted highlights, kept current by the store. */
  highlightCount: number;
  createdAt: string;
  updatedAt: string;
  /** Tombstone: deleted articles stay in the index so libraries can be merged. */
  deleted: boolean;
}

/** What the reader needs to show one article. */
export interface ArticleContent {
  article: ArticleMeta;
  /** Canonical text: NFC, LF line ends. All positions refer to it. */
  text: string;
  blocks: Block[];
  /** The article-level note (Markdown). */
  note: string;
}

/**
 * What the reader paints first on a long article: everything but the text outside the blocks around the
 * reading position. The whole text follows (getArticle) while the first screen is already shown.
 */
export interface ArticleExcerpt {
  article: ArticleMeta;
  /** Every block, but only those of the excerpt with their `html`. */
  blocks: Block[];
  note: string;
  /** Length of the whole canonical text, in UTF-16 units. */
  length: number;
  /** Blocks [from, to) and their text: the canonical text from blocks[from].start to blocks[to - 1].end. */
  excerpt: { from: number; to: number; text: string };
}

/** The eight highlight colours, in key order 1–8. */
export const HIGHLIGHT_COLORS = [
  'yellow',
  'red',
  'green',
  'blue',
  'purple',
  'magenta',
  'orange',
  'gray',
] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C TextQuoteSelector: the quote and up to 32 characters of context each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets into the canonical text, end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where a highlight sits in its article. */
export interface AnnotationTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A highlight with its note and tags (W3C Web Annotation shaped). */
export interface Annotation {
  /** UUID. */
  id: string;
  articleId: string;
  target: AnnotationTarget;
  color: HighlightColor;
  /** Markdown. */
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** Tombstone. */
  deleted: boolean;
  /** True when re-anchoring after a text change could not place it; it is kept, never dropped. */
  orphaned: boolean;
}

/** A tag in the registry; names are NFC and unique case-insensitively. */
export interface Tag {
  name: string;
  color: string | null;
}

/** A tag with its derived use count across the library (highlights and articles). */
export interface TagInfo extends Tag {
  count: number;
}

/** Reader preferences, stored with the library. */
export interface Settings {
  theme: 'light' | 'dark' | 'sepia';
  font: 'serif' | 'sans';
  /** Reader font size in CSS pixels. */
  fontSize: number;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'light', font: 'serif', fontSize: 19 };

/** What an undo or redo did: a sentence such as "Undid delete highlight", and the article it touched (null for tag operations). */
export interface UndoOutcome {
  label: string;
  articleId: string | null;
}

/** Where a search hit was found: an article's title, author or text, or a highlight's quote, note or tags (or an article's tags). */
export type SearchHitKind = 'title' | 'author' | 'text' | 'quote' | 'note' | 'tag';

/**
 * A short window of plain text around a hit. `marks` are the matched spans,
 * as UTF-16 offsets into `text` (end exclusive, sorted, not overlapping).
 * Render `text` as text (never as HTML), wrapping each mark in its own element.
 */
export interface SearchSnippet {
  text: string;
  marks: { start: number; end: number }[];
}

/** One place a search matched. */
export interface SearchHit {
  kind: SearchHitKind;
  /** Share of the query's words and phrases this place holds, 0 to 1 (1 for a query of filters only). */
  score: number;
  snippet: SearchSnippet;
  /**
   * Offsets in the article's canonical text to scroll to: the first match for
   * a text hit, the highlight's position for a highlight hit; absent for
   * title, author and article-tag hits.
   */
  start?: number;
  end?: number;
  /** For hits in a highlight (quote, note or its tags): the annotation to select. */
  annotationId?: string;
  /** For hits in a highlight: its colour. */
  color?: HighlightColor;
}

/** The hits of one article: title, author and tag hits first, then highlights and text in document order. */
export interface SearchResultGroup {
  article: { id: string; title: string; author: string | null };
  hits: SearchHit[];
  /** All hits in this article; `hits` holds only the first few. */
  hitCount: number;
}

/** Search results, grouped by article, best group first. */
export interface SearchResults {
  /** Number of matching articles in the whole library, before any limit. */
  total: number;
  groups: SearchResultGroup[];
  /** Time the search took in the service, in milliseconds. */
  tookMs: number;
}

/** Whether the search index is complete; while building, `done` of `total` articles are indexed. */
export interface SearchStatus {
  state: 'ready' | 'building';
  done: number;
  total: number;
}

/** What importing one file did. */
export interface ImportOutcome {
  /**
   * 'duplicate': the same text is already in the library; nothing was added.
   * 'updated': a new version of an article imported from a file of the same
   * name; its text was replaced and its highlights re-anchored.
   */
  status: 'imported' | 'duplicate' | 'updated';
  article: ArticleMeta;
  /** A sentence for the user, e.g. "Imported “Title”." */
  message: string;
}

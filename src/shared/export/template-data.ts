/** What a template sees for one highlight (inside `{{#each highlights}}`). */
export interface HighlightData {
  id: string;
  /** Obsidian block id without the "^", e.g. "gloss-1a2b3c4d". */
  blockId: string;
  /** 1-based position among the article's exported highlights. */
  index: number;
  /** The quote, escaped for Markdown, line breaks kept. */
  quote: string;
  /**
   * The quote as a blockquote: every escaped line prefixed with "> "; for an area, "> *Area on p. 4*"
   * and its image embedded (or why it has none).
   */
  quoteBlock: string;
  /** True for an area of a PDF page (a figure, a table): its quote is empty. */
  area: boolean;
  /**
   * An area's image: its path from the note ("attachments/gloss-area-….png", embed it with
   * `![[{{image}}]]`), written beside the note; null for a text highlight or an area without an image.
   * `quoteBlock` embeds it already.
   */
  image: string | null;
  /** The quote exactly as in the article. */
  quoteText: string;
  /** The note as Markdown, as the user wrote it (only a line reading as a Gloss marker is escaped). */
  note: string;
  /** The note exactly as written. */
  noteText: string;
  color: string;
  /** The colour as the export's marker style shows it, e.g. "🟨", "Colour: yellow", or "". */
  colorMarker: string;
  /**
   * The page ("p. 12", PDF only), the colour marker, the tags and the orphan warning, joined by " · "
   * (what the default template prints).
   */
  meta: string;
  /** Obsidian-safe tag names, without "#". */
  tags: string[];
  /** The tags as "#a #b", or "". */
  hashtags: string;
  orphaned: boolean;
  created: string;
  updated: string;
  /** Position in the canonical text, UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  /** PDF only: the label of the page the highlight starts on ("12", "iv"); null otherwise. */
  page: string | null;
  /** The `gloss://` link that opens the article at this highlight, selected. */
  link: string;
  /** The title of the book's chapter it is in, escaped for Markdown; null outside chapters or in an article. */
  chapter: string | null;
  /** The chapter's title exactly as in the book's contents, or null. */
  chapterText: string | null;
}

/** What a template sees for one chapter (inside `{{#each chapters}}`): its title and its highlights. */
export interface ChapterData {
  /** Escaped for Markdown; null for highlights before the first chapter, or in an article without contents. */
  title: string | null;
  titleText: string | null;
  /** Depth in the book's contents, 1 for the top; 0 when `title` is null. */
  level: number;
  highlights: HighlightData[];
}

/** What a template sees for one article (the top level). */
export interface ArticleData {
  id: string;
  /** The title, escaped for Markdown. */
  title: string;
  titleText: string;
  /** Escaped for Markdown, or null. */
  author: string | null;
  published: string | null;
  /** Library-relative path of the imported copy. */
  source: string;
  /** PDF only: number of pages; null otherwise. */
  pages: number | null;
  doi: string | null;
  /** The `gloss://` link that opens the article in Gloss. */
  link: string;
  tags: string[];
  hashtags: string;
  note: string;
  noteText: string;
  wordCount: number;
  highlightCount: number;
  exported: string;
  combined: boolean;
  /** The default YAML front matter, without the `---` fences, ending with a line break. */
  frontMatter: string;
  highlights: HighlightData[];
  /** The highlights in runs by chapter, in document order (one untitled run for an article without contents). */
  chapters: ChapterData[];
  /**
   * The default template's words in the export's language ("Author", "Open in Gloss"…; inside
   * `{{#each}}`, reach them with `@root.words`).
   */
  words: TemplateWords;
}

/** The words the default template prints, in the export's language. */
export interface TemplateWords {
  author: string;
  published: string;
  source: string;
  link: string;
  tags: string;
  note: string;
  highlights: string;
  openInGloss: string;
}

import { z } from 'zod';
import { highlightsReportSchema } from './highlights-import';
import { noticeSchema } from './notice';

/** A UTF-16 offset into an article's canonical text. */
const offset = z.int().min(0);
/** An ISO 8601 date and time with its offset, as the store writes them. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** True for a library-relative path inside `articles/` that cannot climb out of it. */
function isArticlesPath(file: string): boolean {
  return file.startsWith('articles/') && !file.split('/').includes('..') && !file.includes('\0');
}

/** Formats Gloss imports, named by their usual file extension. */
export const articleFormatSchema = z.enum(['txt', 'md', 'html', 'epub', 'pdf']);
/** A value `articleFormatSchema` accepts. */
export type ArticleFormat = z.output<typeof articleFormatSchema>;

/** Elements a block can sit in: lists, tables, definition lists and figures. */
export const blockWrapperTagSchema = z.enum([
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
]);

/**
 * One element a block sits in. `id` numbers the elements of an article in document order, so that
 * neighbouring blocks with the same id share the element. `start` is an ordered list's first number,
 * `value` a list item's number in an ordered list.
 */
export const blockWrapperSchema = z.object({
  tag: blockWrapperTagSchema,
  id: z.int().min(0),
  start: z.int().optional(),
  value: z.int().optional(),
});
/** A value `blockWrapperSchema` accepts. */
export type BlockWrapper = z.output<typeof blockWrapperSchema>;

/**
 * One entry of a book's own table of contents (EPUB nav or NCX) that points at the start of a block.
 * `level` is its depth in the table, 1 for the top.
 */
export const tocMarkSchema = z.object({
  label: z.string(),
  level: z.int().min(1),
});
/** A value `tocMarkSchema` accepts. */
export type TocMark = z.output<typeof tocMarkSchema>;

/** One run of a block's origin (see blockOriginSchema). */
export type OriginRun = [number, string, number] | [number, number];

const isOffset = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** True for a well-formed origin run: [offset, CFI steps, offset] or [offset, offset], offsets ≥ 0. */
function isOriginRun(run: unknown): boolean {
  if (!Array.isArray(run)) return false;
  if (run.length === 2) return isOffset(run[0]) && isOffset(run[1]);
  return run.length === 3 && isOffset(run[0]) && typeof run[1] === 'string' && isOffset(run[2]);
}

/**
 * Where a book's block comes from in the original XHTML, for EPUB CFIs. `doc` (the first block of each spine
 * document only) is the CFI steps from the package to its itemref, e.g. "/6/4[chap01ref]". `at` is the CFI
 * steps from the document's root element that all the block's runs share, e.g. "/4[body01]/10[para05]"
 * (none: the root element itself). Each run is [offset in the block's text, CFI steps from `at` on to a
 * text node, e.g. "/3", offset in that node's text]: from that offset on, the block's characters follow the
 * node's one for one, until the next run. A run in the same node as the run before it (after whitespace
 * the import collapsed) is [offset in the block's text, offset in the node's text]. The first run names
 * its node. Offsets are UTF-16 units.
 */
export const blockOriginSchema = z.object({
  doc: z.string().optional(),
  at: z.string().optional(),
  // Checked by hand: a book has tens of thousands of runs, and zod's union of tuples made checking them most
  // of the time it takes to read a book's content from disk.
  runs: z.custom<OriginRun[]>(
    (runs) => Array.isArray(runs) && runs.every(isOriginRun),
    'each run must be [offset, steps, offset] or [offset, offset]',
  ),
});
/** A value `blockOriginSchema` accepts. */
export type BlockOrigin = z.output<typeof blockOriginSchema>;

/**
 * One block of an article (paragraph, heading, list item, quote, code).
 * `start`/`end` are UTF-16 offsets into the canonical text, end exclusive.
 * `html`, present for Markdown and HTML articles, is sanitized inline HTML
 * whose text content is exactly `text.slice(start, end)`.
 */
export const blockSchema = z
  .object({
    kind: z.enum(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']),
    start: offset,
    end: offset,
    html: z.string().optional(),
    /** The elements the block sits in, outermost first (a list item's list, a cell's table); none at top level. */
    wrap: z.array(blockWrapperSchema).optional(),
    /** Entries of the book's table of contents that lead to this block's start, in the book's order. */
    toc: z.array(tocMarkSchema).optional(),
    /** For a book, where the block's text lies in its original XHTML (for EPUB CFIs). */
    origin: blockOriginSchema.optional(),
  })
  .refine((block) => block.end >= block.start, 'a block cannot end before it starts');
/** A value `blockSchema` accepts. */
export type Block = z.output<typeof blockSchema>;

/**
 * One page of a PDF in the canonical text: `index` 0-based, `label` as the PDF's page labels define it
 * ("iv", "12"; the 1-based number when it defines none), and the UTF-16 range [start, end) of its text.
 * Pages follow each other in order; the text between two pages is a blank line.
 */
export const pageSchema = z
  .object({ index: offset, label: z.string(), start: offset, end: offset })
  .refine((page) => page.end >= page.start, 'a page cannot end before it starts');
/** A value `pageSchema` accepts. */
export type Page = z.output<typeof pageSchema>;

/** An article's metadata, as kept in the library index (library.json); `sourceFile` stays inside `articles/`. */
export const articleMetaSchema = z.object({
  /** UUID. */
  id: z.uuid(),
  title: z.string(),
  author: z.string().nullable(),
  /** Publication date as ISO 8601 (date, or date and time) when known. */
  published: z.string().nullable(),
  /** Path of the imported copy, relative to the library folder (always under `articles/`). */
  sourceFile: z.string().refine(isArticlesPath, 'must be a path inside articles/'),
  format: articleFormatSchema,
  /** Language the document declares (BCP 47, e.g. 'vi'), when it does (EPUB). */
  language: z.string().optional(),
  /** The document's own identifier (an ISBN, a UUID or a URN), when it gives one (EPUB). */
  identifier: z.string().optional(),
  publisher: z.string().optional(),
  /** The publisher's description of the document, as plain text (EPUB). */
  description: z.string().optional(),
  /** SHA-256 (lower-case hex) of the canonical text. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
  wordCount: offset,
  /** Length of the canonical text in UTF-16 code units. */
  charCount: offset,
  tags: z.array(z.string()),
  /** Reading progress, 0 (start) to 1 (end). */
  progress: z.number().min(0).max(1),
  /** Non-deleted highlights, kept current by the store. */
  highlightCount: offset,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Tombstone: deleted articles stay in the index so libraries can be merged. */
  deleted: z.boolean(),
  /** PDF only: number of pages. */
  pageCount: offset.optional(),
  /** DOI (e.g. "10.1000/xyz123") when the document states one. */
  doi: z.string().optional(),
  /** PDF only: the document's own identifier (pdf.js fingerprint, hex). */
  fingerprint: z.string().optional(),
});
/** A value `articleMetaSchema` accepts. */
export type ArticleMeta = z.output<typeof articleMetaSchema>;

/** What the reader needs to show one article: canonical text (NFC, LF; all positions refer to it), blocks, note. */
export const articleContentSchema = z.object({
  article: articleMetaSchema,
  text: z.string(),
  blocks: z.array(blockSchema),
  /** PDF only: where each page's text lies in `text`. */
  pages: z.array(pageSchema).optional(),
  /** The article-level note (Markdown). */
  note: z.string(),
});
/** A value `articleContentSchema` accepts. */
export type ArticleContent = z.output<typeof articleContentSchema>;

/**
 * Every block of an article, compact: a book has tens of thousands, and the reader needs only where each
 * lies before it has the rest. `kinds` has one character per block (see BLOCK_KIND_CODES), `bounds` each
 * block's start and end in turn (UTF-16 offsets), `toc` the table of contents marks of the blocks that have
 * any, by block index.
 */
export const blockLayoutSchema = z.object({
  kinds: z.string(),
  // Checked by hand, as origin runs: a book's layout has tens of thousands of bounds.
  bounds: z.custom<number[]>(
    (bounds) => Array.isArray(bounds) && bounds.every(isOffset),
    'bounds must be offsets',
  ),
  toc: z.array(z.tuple([offset, z.array(tocMarkSchema)])),
});
/** A value `blockLayoutSchema` accepts. */
export type BlockLayout = z.output<typeof blockLayoutSchema>;

/**
 * What the reader paints first on a long article: where every block lies (`layout`), the blocks
 * [from, to) themselves (`blocks`, with their markup), and their canonical text only, from
 * blocks[from].start to blocks[to - 1].end. The whole text follows (getArticle) while the first screen is
 * already shown.
 */
export const articleExcerptSchema = z.object({
  article: articleMetaSchema,
  layout: blockLayoutSchema,
  /** The blocks [excerpt.from, excerpt.to), whole. */
  blocks: z.array(blockSchema),
  /** PDF only: where each page's text lies in the whole text. */
  pages: z.array(pageSchema).optional(),
  note: z.string(),
  /** Length of the whole canonical text, in UTF-16 units. */
  length: offset,
  excerpt: z.object({ from: offset, to: offset, text: z.string() }),
});
/** A value `articleExcerptSchema` accepts. */
export type ArticleExcerpt = z.output<typeof articleExcerptSchema>;

/**
 * What importing one file did. 'duplicate': the same text is already in the library; nothing was added.
 * 'updated': a new version of an article imported from a file of the same name; its text was replaced and
 * its highlights re-anchored. 'highlights': the file was another reader's highlights export; `highlights`
 * reports what became of them and `article` is the first article they went to. `message` is the English
 * sentence for the user, e.g. "Imported “Title”.", and `key` and `params` word it from the catalogs (see
 * `noticeSchema`); `warnings` follow it.
 */
export const importOutcomeSchema = z.object({
  status: z.enum(['imported', 'duplicate', 'updated', 'highlights']),
  article: articleMetaSchema,
  message: z.string(),
  key: noticeSchema.shape.key,
  params: noticeSchema.shape.params,
  /** What else to tell the user about the imported file (e.g. a PDF without text), after `message`. */
  warnings: z.array(noticeSchema).optional(),
  highlights: highlightsReportSchema.optional(),
});
/** A value `importOutcomeSchema` accepts. */
export type ImportOutcome = z.output<typeof importOutcomeSchema>;

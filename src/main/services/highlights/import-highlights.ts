import { createHash } from 'node:crypto';
import path from 'node:path';
import { anchor } from '../../../shared/anchoring';
import type { Annotation, AnnotationTarget } from '../../../shared/model/annotation';
import type { ArticleMeta, ImportOutcome } from '../../../shared/model/article';
import type { HighlightsReport } from '../../../shared/model/highlights-import';
import { describeRange } from '../../../shared/text/selectors';
import { readFileNoFollow } from '../fs/no-follow';
import type { LibraryService } from '../library/library-service';
import type { LibraryStore } from '../store';
import { appendToEntry, entryDocument, isEntryDocument } from './entry-document';
import { matchScore } from './match';
import { reportMessage } from './report';
import { notice } from '../notice';
import {
  FORMAT_NAMES,
  type ForeignBook,
  type ForeignHighlight,
  type ForeignNote,
  type ParsedHighlights,
} from './types';

/** What the import works on: the library's articles and their highlights. */
interface Context {
  library: LibraryService;
  store: LibraryStore;
  parsed: ParsedHighlights;
  report: HighlightsReport;
  first?: ArticleMeta;
}

/** A stable id (UUID v5 layout) for a highlight of an export, so importing the same file again adds nothing. */
export function highlightId(format: string, book: ForeignBook, highlight: ForeignHighlight): string {
  const hex = createHash('sha256')
    .update([format, book.title, book.author ?? '', highlight.key, highlight.quote].join('\n'))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function targetOf(highlight: ForeignHighlight): AnnotationTarget {
  const start = highlight.context?.start ?? 0;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: highlight.quote,
      prefix: highlight.context?.prefix ?? '',
      suffix: highlight.context?.suffix ?? '',
    },
    position: { type: 'TextPositionSelector', start, end: start + highlight.quote.length },
  };
}

async function readCopy(ctx: Context, article: ArticleMeta): Promise<string> {
  const file = await ctx.library.resolveSource(article);
  return (await readFileNoFollow(file, ctx.store.libraryPath)).bytes.toString('utf8');
}

function recordAdded(ctx: Context, article: ArticleMeta, entry: boolean, added: number): void {
  ctx.first ??= article;
  if (added === 0) return;
  const known = ctx.report.articles.find((a) => a.id === article.id);
  if (known) known.added += added;
  else ctx.report.articles.push({ id: article.id, title: article.title, highlightsOnly: entry, added });
}

/**
 * Anchors `highlights` into `article` with the anchoring module (quote, with the export's context and
 * position as hints) and adds those placed; a highlight already there (same id, deleted ones included,
 * or the same range) is counted as a duplicate. Resolves to the highlights that could not be placed.
 */
async function anchorInto(
  ctx: Context,
  article: ArticleMeta,
  book: ForeignBook,
  highlights: ForeignHighlight[],
  entry: boolean,
): Promise<ForeignHighlight[]> {
  const { text } = await ctx.library.text(article.id);
  const live = await ctx.store.listAnnotations(article.id);
  const ids = new Set(live.map((a) => a.id));
  const ranges = new Set(live.map((a) => `${a.target.position.start}:${a.target.position.end}`));
  const now = new Date().toISOString();
  const adding: Annotation[] = [];
  const unplaced: ForeignHighlight[] = [];
  for (const highlight of highlights) {
    const id = highlightId(ctx.parsed.format, book, highlight);
    if (ids.has(id)) {
      ctx.report.duplicates++;
      continue;
    }
    const placement = anchor(targetOf(highlight), text);
    if (!placement) {
      unplaced.push(highlight);
      continue;
    }
    const range = `${placement.start}:${placement.end}`;
    if (ranges.has(range)) {
      ctx.report.duplicates++;
      continue;
    }
    ranges.add(range);
    ids.add(id);
    adding.push({
      id,
      articleId: article.id,
      target: describeRange(text, placement.start, placement.end),
      color: highlight.color ?? 'yellow',
      note: highlight.note,
      tags: highlight.tags.filter((t) => t.length <= 100).slice(0, 50),
      createdAt: highlight.created ?? now,
      updatedAt: now,
      deleted: false,
      orphaned: false,
    });
  }
  const added = adding.length ? await ctx.store.importAnnotations(article.id, adding) : 0;
  ctx.report.duplicates += adding.length - added;
  if (entry) ctx.report.highlightsOnly += added;
  else ctx.report.anchored += added;
  recordAdded(ctx, article, entry, added);
  return unplaced;
}

/** Adds notes without a quote to the article note, each once. */
async function addNotes(
  ctx: Context,
  article: ArticleMeta,
  notes: ForeignNote[],
  entry: boolean,
): Promise<void> {
  if (notes.length === 0) return;
  const current = await ctx.store.getArticleNote(article.id);
  const fresh = notes.filter((n) => !current.includes(n.text));
  if (fresh.length === 0) return;
  const lines = fresh.map((n) => (n.where ? `${n.where}: ${n.text}` : n.text));
  await ctx.store.setArticleNote(article.id, [current.trimEnd(), ...lines].filter(Boolean).join('\n\n'));
  ctx.report.notes += fresh.length;
  if (!ctx.report.articles.some((a) => a.id === article.id)) {
    ctx.report.articles.push({ id: article.id, title: article.title, highlightsOnly: entry, added: 0 });
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** A copy name for a new entry that no live article's copy has. */
function entryFileName(ctx: Context, title: string): string {
  const taken = new Set(ctx.store.listArticles().map((a) => path.basename(a.sourceFile).normalize('NFC')));
  const stem = `${title.replace(/[/\\\0]/g, ' ').slice(0, 100)} (highlights)`;
  for (let n = 1; ; n++) {
    const name = `${n === 1 ? stem : `${stem} ${n}`}.md`;
    if (!taken.has(name)) return name;
  }
}

/**
 * Writes the highlights-only entry of `book` with `highlights` in it: a new Markdown article, or the
 * existing entry with the quotes it lacks appended (imported as its new version, so its highlights stay).
 */
async function writeEntry(
  ctx: Context,
  book: ForeignBook,
  existing: ArticleMeta | undefined,
  highlights: ForeignHighlight[],
): Promise<ArticleMeta> {
  if (!existing) {
    const markdown = entryDocument(book, ctx.parsed.format, highlights);
    const outcome = await ctx.library.importBytes(Buffer.from(markdown), entryFileName(ctx, book.title));
    return outcome.article;
  }
  const text = squash((await ctx.library.text(existing.id)).text);
  const missing = highlights.filter((h) => !text.includes(squash(h.quote)));
  if (missing.length === 0) return existing;
  const markdown = appendToEntry(await readCopy(ctx, existing), missing);
  const outcome = await ctx.library.importBytes(Buffer.from(markdown), path.basename(existing.sourceFile));
  return outcome.article;
}

async function importBook(ctx: Context, book: ForeignBook): Promise<void> {
  const matches = ctx.store
    .listArticles()
    .map((article) => ({ article, score: matchScore(article, book) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score);
  let real: ArticleMeta | undefined;
  let entry: ArticleMeta | undefined;
  for (const { article } of matches) {
    const isEntry = article.format === 'md' && isEntryDocument(await readCopy(ctx, article).catch(() => ''));
    if (isEntry) entry ??= article;
    else real ??= article;
  }
  let rest = book.highlights;
  if (real) {
    rest = await anchorInto(ctx, real, book, rest, false);
    await addNotes(ctx, real, book.notes, false);
  }
  if (rest.length === 0 && (real || book.notes.length === 0)) return;
  entry = await writeEntry(ctx, book, entry, rest);
  const unplaced = await anchorInto(ctx, entry, book, rest, true);
  ctx.report.ignored += unplaced.length;
  if (!real) await addNotes(ctx, entry, book.notes, true);
}

/**
 * Imports the highlights of another reader's export (see readHighlightsFile). For each book or page, an
 * article of the library with the same title (and a shared author name when both have one) receives the
 * highlights the anchoring module places in its text; the rest go to the book's highlights-only entry: a
 * Markdown article of its quotes, with their notes, tags, colours and dates, created on first import and
 * extended later. Every highlight has an id derived from the export, so importing the same file again
 * adds nothing, and a highlight the user deleted is not brought back.
 * @throws GlossError as LibraryService.importBytes and LibraryStore.importAnnotations.
 */
export async function importHighlights(
  library: LibraryService,
  store: LibraryStore,
  fileName: string,
  parsed: ParsedHighlights,
): Promise<ImportOutcome> {
  const report: HighlightsReport = {
    format: parsed.format,
    anchored: 0,
    highlightsOnly: 0,
    duplicates: parsed.duplicates,
    ignored: parsed.ignored,
    notes: 0,
    articles: [],
  };
  const ctx: Context = { library, store, parsed, report };
  for (const book of parsed.books) await importBook(ctx, book);
  await store.flush();
  const first = ctx.report.articles[0] ?? ctx.first;
  const article = first ? store.getArticle(first.id) : undefined;
  if (!article) throw new Error(`No article received the highlights of ${FORMAT_NAMES[parsed.format]}.`);
  const said = notice('notices.highlightsImported', {
    name: fileName,
    format: FORMAT_NAMES[report.format],
    anchored: report.anchored,
    highlightsOnly: report.highlightsOnly,
    duplicates: report.duplicates,
    notes: report.notes,
    ignored: report.ignored,
  });
  // The English sentence leaves out what did not happen (see reportMessage).
  return {
    status: 'highlights',
    article,
    ...said,
    message: reportMessage(fileName, report),
    highlights: report,
  };
}

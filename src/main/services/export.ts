import { randomUUID } from 'node:crypto';
import type { RenderExportParams } from '../../shared/contract/export';
import type { ExportFile, ExportScope, ImportResult } from '../../shared/model/export';
import { safeFileStem } from '../../shared/export/file-names';
import { renderMarkdown, type ArticleExport } from '../../shared/export/markdown';
import {
  epubCfiFragment,
  parseWebAnnotations,
  pdfPageFragment,
  toAnnotationCollection,
  type FragmentSelector,
} from '../../shared/export/web-annotation';
import { GlossError } from '../../shared/result';
import { byDocumentOrder, type Annotation } from '../../shared/model/annotation';
import type { ArticleMeta, Block, Page } from '../../shared/model/article';
import { pageAt } from '../../shared/pdf/pages';
import { tagKey } from '../../shared/model/tag';
import { bookCfis, bookOutline } from './export-books';
import { withAreaImages } from './export-areas';

/** What export and import need of the library; the library store provides it. */
export interface ExportSource {
  /** Live (not deleted) articles, in library order. */
  listArticles(): ArticleMeta[];
  getArticle(id: string): ArticleMeta | undefined;
  /** The article note (Markdown), "" when there is none. */
  getArticleNote(articleId: string): Promise<string>;
  /** Live annotations of one article in document order, orphans included (flagged `orphaned`). */
  listAnnotations(articleId: string): Promise<Annotation[]>;
  /**
   * An article's canonical text and blocks, and a PDF's page map (read for books, whose contents group
   * their highlights, and PDFs, whose highlights carry page labels); undefined when they cannot be read,
   * and the highlights are then not grouped or labelled.
   */
  readContent(articleId: string): Promise<{ text: string; blocks: Block[]; pages?: Page[] } | undefined>;
  /**
   * The bytes of a PDF article's imported copy (encrypted as it was imported), to draw its area highlights.
   * @throws GlossError when the article is not a PDF or its copy cannot be read.
   */
  pdfBytes(articleId: string): Promise<Uint8Array>;
  /** Live annotations carrying a tag (compared case-insensitively), across the library. */
  listAnnotationsByTag(tag: string): Promise<Annotation[]>;
  /**
   * Adds annotations to one article keeping their ids, skipping ids the
   * library already has (live or deleted); resolves to how many were added.
   */
  importAnnotations(articleId: string, annotations: Annotation[]): Promise<number>;
}

export { folderNames, writableFolder, writeExportFiles } from './export-write';
export type { ExportTarget, FolderNames } from './export-write';

function byArticleId(annotations: Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const group = groups.get(a.articleId);
    if (group) group.push(a);
    else groups.set(a.articleId, [a]);
  }
  return groups;
}

function liveArticle(source: ExportSource, id: string): ArticleMeta {
  const article = source.getArticle(id);
  if (!article || article.deleted) throw new GlossError('not-found', `There is no article with id "${id}".`);
  return article;
}

function inDocumentOrder(highlights: Annotation[]): Annotation[] {
  return highlights.filter((h) => !h.deleted).sort(byDocumentOrder);
}

async function withHighlights(
  source: ExportSource,
  article: ArticleMeta,
  tagged?: Annotation[],
): Promise<ArticleExport> {
  const [note, highlights, outline] = await Promise.all([
    source.getArticleNote(article.id),
    tagged ?? source.listAnnotations(article.id),
    bookOutline(source, article),
  ]);
  return { article, note, highlights: inDocumentOrder(highlights), outline };
}

/**
 * The articles an export covers, each with its note and highlights in
 * document order. A tag covers every highlight of articles tagged with it and
 * the highlights tagged with it in other articles. The whole library leaves
 * out articles without highlights or a note, unless `includeEmpty`.
 *
 * @throws GlossError('not-found') for an unknown article, or when the scope
 * holds nothing to export.
 */
export async function collectArticles(
  source: ExportSource,
  scope: ExportScope,
  includeEmpty = false,
): Promise<ArticleExport[]> {
  const articles = await collectHighlights(source, scope, includeEmpty);
  return Promise.all(articles.map((a) => withPages(source, a)));
}

/** A PDF article's export with its page map, when the source can read it. */
async function withPages(source: ExportSource, item: ArticleExport): Promise<ArticleExport> {
  if (item.article.format !== 'pdf') return item;
  const pages = (await source.readContent(item.article.id).catch(() => undefined))?.pages;
  return pages ? { ...item, pages } : item;
}

async function collectHighlights(
  source: ExportSource,
  scope: ExportScope,
  includeEmpty: boolean,
): Promise<ArticleExport[]> {
  if (scope.kind === 'article') return [await withHighlights(source, liveArticle(source, scope.id))];
  if (scope.kind === 'articles') {
    const articles = [...new Set(scope.ids)].map((id) => liveArticle(source, id));
    return Promise.all(articles.map((a) => withHighlights(source, a)));
  }
  if (scope.kind === 'all') {
    const articles = source.listArticles();
    if (articles.length === 0)
      throw new GlossError('not-found', 'Nothing to export: the library has no articles.');
    const all = await Promise.all(articles.map((a) => withHighlights(source, a)));
    if (includeEmpty) return all;
    const annotated = all.filter((a) => a.highlights.length > 0 || a.note.trim() !== '');
    if (annotated.length === 0) {
      throw new GlossError('not-found', 'Nothing to export: no article has highlights or a note yet.');
    }
    return annotated;
  }
  const key = tagKey(scope.tag);
  const byArticle = byArticleId(await source.listAnnotationsByTag(scope.tag));
  const result: ArticleExport[] = [];
  for (const article of source.listArticles()) {
    if (article.tags.some((t) => tagKey(t) === key)) {
      result.push(await withHighlights(source, article));
    } else {
      const tagged = byArticle.get(article.id);
      if (tagged) result.push(await withHighlights(source, article, tagged));
    }
  }
  if (result.length === 0) {
    throw new GlossError(
      'not-found',
      `Nothing to export: no article or highlight has the tag “${scope.tag}”.`,
    );
  }
  return result;
}

function exportStem(scope: ExportScope, articles: ArticleExport[]): string {
  if (scope.kind === 'article') return safeFileStem(articles[0]?.article.title ?? '');
  if (scope.kind === 'tag') return safeFileStem(`Gloss export - ${scope.tag}`);
  return 'Gloss export';
}

/**
 * Renders an export in memory: Markdown files (one per article, or one
 * combined file) or one W3C Web Annotation JSON-LD file. Nothing is written.
 * Markdown files (but a clean one) carry the PNGs of their PDF area
 * highlights as attachments (see withAreaImages).
 *
 * @throws GlossError('not-found') for an unknown article or an empty scope;
 * GlossError('invalid-argument') for a template error (with its line) or a
 * template given for JSON.
 */
export async function renderExport(
  source: ExportSource,
  params: RenderExportParams,
  now = new Date(),
): Promise<ExportFile[]> {
  if (params.format === 'json' && params.template !== undefined) {
    throw new GlossError(
      'invalid-argument',
      'A template shapes Markdown export only; JSON export takes none.',
    );
  }
  const articles = await collectArticles(source, params.scope, params.includeEmpty);
  const stem = exportStem(params.scope, articles);
  const exported = now.toISOString();
  if (params.format === 'md') {
    return renderMarkdown(params.clean ? articles : await withAreaImages(source, articles), {
      template: params.template,
      combined: params.combined ?? false,
      exported,
      combinedName: `${stem}.md`,
      colorMarker: params.colorMarker,
      clean: params.clean,
      language: params.language,
    });
  }
  const annotations = articles.flatMap((a) => a.highlights);
  const pages = new Map(articles.flatMap((a) => (a.pages ? [[a.article.id, a.pages] as const] : [])));
  const cfis = await bookCfis(source, articles);
  const fragmentOf = (a: Annotation): FragmentSelector | null => {
    const cfi = cfis.get(a.id);
    if (cfi) return epubCfiFragment(cfi);
    const map = pages.get(a.articleId);
    const page = map && !a.orphaned ? pageAt(map, a.target.position.start) : undefined;
    return page ? pdfPageFragment(page.index + 1) : null;
  };
  const collection = toAnnotationCollection(
    annotations,
    { id: `urn:uuid:${randomUUID()}`, pageId: `urn:uuid:${randomUUID()}`, label: `${stem} (${exported})` },
    fragmentOf,
  );
  return [{ name: `${stem}.json`, content: `${JSON.stringify(collection, null, 2)}\n` }];
}

/**
 * Imports a W3C Web Annotation JSON-LD document into the library, keeping
 * annotation ids. Annotations whose id the library has, or whose article it
 * does not have, are skipped.
 *
 * @throws GlossError('invalid-argument') when the text is not Web Annotation
 * JSON Gloss can read; nothing is imported then.
 */
export async function importWebAnnotations(
  source: ExportSource,
  json: string,
  now = new Date(),
): Promise<ImportResult> {
  const annotations = parseWebAnnotations(json, now.toISOString());
  const seen = new Set<string>();
  const byArticle = byArticleId(annotations.filter((a) => !seen.has(a.id) && seen.add(a.id)));
  let imported = 0;
  for (const [articleId, list] of byArticle) {
    const article = source.getArticle(articleId);
    if (article && !article.deleted) imported += await source.importAnnotations(articleId, list);
  }
  return { imported, skipped: annotations.length - imported };
}

/** Handlers for the export methods of the contract, over the library store. */
export function exportHandlers(source: ExportSource) {
  return {
    renderExport: async (params: RenderExportParams) => ({ files: await renderExport(source, params) }),
    importWebAnnotations: (params: { json: string }) => importWebAnnotations(source, params.json),
  };
}

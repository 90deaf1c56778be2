import type { RenderExportParams } from '../../shared/contract/export';
import { safeFileStem, uniqueFileNames } from '../../shared/export/file-names';
import { compileTemplate, DEFAULT_TEMPLATE, renderMarkdown } from '../../shared/export/markdown';
import { GlossError } from '../../shared/result';
import type { ArticleMeta } from '../../shared/model/article';
import {
  collectArticles,
  folderNames,
  renderExport,
  writableFolder,
  writeExportFiles,
  type ExportSource,
  type ExportTarget,
} from './export';
import { withAreaImages } from './export-areas';

/** Articles rendered and written per step: enough to keep the writes overlapped, few enough to keep memory flat. */
const ARTICLES_PER_STEP = 16;

/**
 * Exports and writes in one go. One Markdown file per article into a folder
 * (the whole library, or chosen articles) is done a few articles at a time,
 * each step read, rendered and written before the next is read, so memory
 * stays that of a few articles whatever the library's size; the files are
 * the ones renderExport + writeExportFiles would write. Other exports
 * (combined, JSON, by tag, into one file) are rendered whole, then written.
 * Resolves to the paths written.
 *
 * @throws GlossError as renderExport and writeExportFiles do.
 */
export async function exportFiles(
  source: ExportSource,
  params: RenderExportParams,
  target: ExportTarget,
  now = new Date(),
): Promise<string[]> {
  const articles = streamedArticles(source, params, target);
  if (!articles) return writeExportFiles(await renderExport(source, params, now), target);
  const exported = now.toISOString();
  await writableFolder(target.path);
  const names = await folderNames(target.path);
  // Named over the whole export, as renderMarkdown names them when it renders them all at once.
  const fileNames = uniqueFileNames(articles.map((a) => `${safeFileStem(a.title)}.md`));
  const compiled = compileTemplate(params.template ?? DEFAULT_TEMPLATE);
  const written: string[] = [];
  // A step's files are written while the next step is read and rendered: their fsyncs wait on the disk, not the CPU.
  let writing: Promise<string[]> = Promise.resolve([]);
  try {
    for (let from = 0; from < articles.length; from += ARTICLES_PER_STEP) {
      const ids = articles.slice(from, from + ARTICLES_PER_STEP).map((article) => article.id);
      const step = await withAreaImages(source, await collectArticles(source, { kind: 'articles', ids }));
      const files = renderMarkdown(step, {
        compiled,
        combined: false,
        exported,
        combinedName: '',
        colorMarker: params.colorMarker,
        language: params.language,
      }).map((file, i) => ({ ...file, name: fileNames[from + i] ?? file.name }));
      written.push(...(await writing));
      writing = writeExportFiles(files, target, names);
    }
    written.push(...(await writing));
  } catch (error) {
    // The step being written ends before the failure is reported (its own failure, if any, comes second).
    await writing.catch(() => undefined);
    throw error;
  }
  return written;
}

/** The articles of an export written step by step, or undefined when it is rendered whole. */
function streamedArticles(
  source: ExportSource,
  params: RenderExportParams,
  target: ExportTarget,
): ArticleMeta[] | undefined {
  const { scope } = params;
  if (params.format !== 'md' || params.combined || target.kind !== 'folder') return undefined;
  if (scope.kind === 'all') {
    const articles = source.listArticles();
    if (articles.length === 0)
      throw new GlossError('not-found', 'Nothing to export: the library has no articles.');
    return articles;
  }
  if (scope.kind !== 'articles') return undefined;
  return [...new Set(scope.ids)].map((id) => {
    const article = source.getArticle(id);
    if (!article || article.deleted)
      throw new GlossError('not-found', `There is no article with id "${id}".`);
    return article;
  });
}

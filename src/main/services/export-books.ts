import { epubCfi } from '../../shared/export/cfi';
import type { ArticleExport } from '../../shared/export/markdown';
import type { ArticleMeta } from '../../shared/model/article';
import { outlineOf, type OutlineEntry } from '../../shared/text/outline';
import type { ExportSource } from './export';

/**
 * A book's table of contents, under which its highlights are grouped; none for an article (its headings
 * are its own text, kept as they are) or a book whose text cannot be read.
 */
export async function bookOutline(source: ExportSource, article: ArticleMeta): Promise<OutlineEntry[]> {
  if (article.format !== 'epub') return [];
  const content = await source.readContent(article.id).catch(() => undefined);
  if (!content?.blocks.some((block) => block.toc)) return [];
  return outlineOf(content.blocks, (block) => content.text.slice(block.start, block.end));
}

/** EPUB CFIs of the books' highlights by highlight id, from the origins their blocks keep (orphans have none). */
export async function bookCfis(
  source: ExportSource,
  articles: ArticleExport[],
): Promise<Map<string, string>> {
  const cfis = new Map<string, string>();
  for (const { article, highlights } of articles) {
    if (article.format !== 'epub' || highlights.length === 0) continue;
    const content = await source.readContent(article.id).catch(() => undefined);
    if (!content) continue;
    for (const h of highlights) {
      const cfi = h.orphaned ? null : epubCfi(content.blocks, h.target.position.start, h.target.position.end);
      if (cfi) cfis.set(h.id, cfi);
    }
  }
  return cfis;
}

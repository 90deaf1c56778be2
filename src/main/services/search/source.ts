import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta, Block, Page } from '../../../shared/model/article';

/** What the search index reads from the library; the store satisfies it. */
export interface SearchSource {
  /** Live (not deleted) articles. */
  listArticles(): ArticleMeta[];
  /** An article's canonical text and blocks (and page map, for a PDF), or undefined when it is gone. */
  readContent(id: string): Promise<{ text: string; blocks: Block[]; pages?: Page[] } | undefined>;
  /** An article's live highlights, in document order. */
  listAnnotations(articleId: string): Promise<Annotation[]>;
  /**
   * [start, end) of an article's canonical text (UTF-16 units; the whole text
   * by default) as its content cache holds it now, read synchronously
   * (snippets are cut while a search runs); undefined when it is missing,
   * cannot be read, or is not the text whose hash is `contentHash`. The index
   * keeps no copy of the texts.
   */
  readCachedText(id: string, contentHash: string, start?: number, end?: number): string | undefined;
}

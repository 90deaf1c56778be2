import { byDocumentOrder, type Annotation } from '../../shared/model/annotation';
import { tagKey } from '../../shared/model/tag';
import type { ArticleMeta, Block, Page } from '../../shared/model/article';
import { GlossError } from '../../shared/result';
import type { ExportSource } from './export';

/** A library held in memory: articles with their notes, and annotations. */
export interface MemoryLibrary {
  articles: ArticleMeta[];
  /** Article notes by article id. */
  notes?: Record<string, string>;
  annotations: Annotation[];
  /** Canonical texts and blocks by article id (books whose contents group their highlights, PDFs' page maps). */
  contents?: Record<string, { text: string; blocks: Block[]; pages?: Page[] }>;
  /** PDF copies' bytes by article id. */
  pdfs?: Record<string, Uint8Array>;
}

/**
 * An {@link ExportSource} over a library held in memory, for tests and
 * benchmarks. Annotations are kept per article in document order.
 */
export class MemoryExportSource implements ExportSource {
  private readonly byArticle = new Map<string, Annotation[]>();

  constructor(private readonly library: MemoryLibrary) {
    for (const a of library.annotations) this.shard(a.articleId).push(a);
    for (const shard of this.byArticle.values()) shard.sort(byDocumentOrder);
  }

  private shard(articleId: string): Annotation[] {
    let shard = this.byArticle.get(articleId);
    if (!shard) this.byArticle.set(articleId, (shard = []));
    return shard;
  }

  /** Every annotation, live and deleted, article by article. */
  allAnnotations(): Annotation[] {
    return [...this.byArticle.values()].flat();
  }

  listArticles(): ArticleMeta[] {
    return this.library.articles.filter((a) => !a.deleted);
  }

  getArticle(id: string): ArticleMeta | undefined {
    return this.library.articles.find((a) => a.id === id);
  }

  async getArticleNote(articleId: string): Promise<string> {
    return this.library.notes?.[articleId] ?? '';
  }

  async readContent(
    articleId: string,
  ): Promise<{ text: string; blocks: Block[]; pages?: Page[] } | undefined> {
    return this.library.contents?.[articleId];
  }

  async pdfBytes(articleId: string): Promise<Uint8Array> {
    const bytes = this.library.pdfs?.[articleId];
    if (!bytes) throw new GlossError('not-found', `There is no PDF copy of the article "${articleId}".`);
    return bytes;
  }

  async listAnnotations(articleId: string): Promise<Annotation[]> {
    return this.shard(articleId).filter((a) => !a.deleted);
  }

  async listAnnotationsByTag(tag: string): Promise<Annotation[]> {
    const key = tagKey(tag);
    return this.allAnnotations().filter((a) => !a.deleted && a.tags.some((t) => tagKey(t) === key));
  }

  async importAnnotations(articleId: string, annotations: Annotation[]): Promise<number> {
    const shard = this.shard(articleId);
    const known = new Set(this.allAnnotations().map((a) => a.id));
    const added = annotations.filter((a) => !known.has(a.id));
    shard.push(...added);
    shard.sort(byDocumentOrder);
    return added.length;
  }
}

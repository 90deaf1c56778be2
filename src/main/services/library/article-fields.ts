import type { ArticleMeta } from '../../../shared/model/article';
import { tagKey } from '../../../shared/model/tag';
import type { ImportedDocument } from '../import/convert';

/** The metadata only a PDF has, as optional article fields (absent for other formats). */
export function pdfFields(doc: ImportedDocument): Pick<ArticleMeta, 'pageCount' | 'doi' | 'fingerprint'> {
  return {
    ...(doc.pageCount !== undefined && { pageCount: doc.pageCount }),
    ...(doc.doi && { doi: doc.doi }),
    ...(doc.fingerprint && { fingerprint: doc.fingerprint }),
  };
}

/** Tags trimmed and in NFC, each once (compared by tag key), in their first spelling and order. */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const name = tag.normalize('NFC').trim();
    if (name && !seen.has(tagKey(name))) seen.set(tagKey(name), name);
  }
  return [...seen.values()];
}

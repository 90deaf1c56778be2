import type { AreaImage } from '../../shared/export/attachments';
import type { ArticleExport } from '../../shared/export/markdown';
import type { PdfArea } from '../../shared/model/annotation';
import type { ExportSource } from './export';

/**
 * PDF articles' exports with the images of their area highlights (see ArticleExport.areaImages):
 * each area drawn by pdf.js in this process at 2 pixels per point, as a PNG. A PDF whose copy is
 * encrypted (its password is never kept) or cannot be read gets the reason instead of images, so the
 * export says so rather than failing; other articles are returned as they are.
 */
export async function withAreaImages(
  source: ExportSource,
  articles: readonly ArticleExport[],
): Promise<ArticleExport[]> {
  const result: ArticleExport[] = [];
  for (const item of articles) {
    const areas = item.highlights.flatMap((h) => (h.target.area ? [{ id: h.id, area: h.target.area }] : []));
    result.push(areas.length > 0 ? { ...item, areaImages: await areaImages(source, item, areas) } : item);
  }
  return result;
}

async function areaImages(
  source: ExportSource,
  item: ArticleExport,
  areas: { id: string; area: PdfArea }[],
): Promise<Map<string, AreaImage>> {
  const { renderPdfAreas } = await import('./import/pdf/render-areas');
  const bytes = await source.pdfBytes(item.article.id).catch(() => null);
  const drawn = bytes
    ? await renderPdfAreas(
        bytes,
        areas.map((a) => a.area),
      )
    : 'unreadable';
  return new Map(
    areas.map(({ id }, i): [string, AreaImage] => {
      if (typeof drawn === 'string') return [id, { missing: drawn }];
      const image = drawn[i];
      return [id, image ? { png: Buffer.from(image.png).toString('base64') } : { missing: 'unreadable' }];
    }),
  );
}

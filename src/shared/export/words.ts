import type { HighlightColor } from '../model/annotation';
import { translator, type Language } from '../i18n';
import type { TemplateWords } from './template-data';

/**
 * The human-readable words of Markdown export in one language (its field names stay English): the
 * default template's words, and those the export writes into each highlight.
 */
export interface ExportWords extends TemplateWords {
  /** The orphan warning of a highlight not found in the current text. */
  orphaned: string;
  /** "p. 12" for page label "12". */
  page(label: string): string;
  /** "Area on p. 4" for an area highlight on the page labelled "4". */
  areaOn(label: string): string;
  /** Why an area has no image: its PDF is password-protected, or cannot be read. */
  noImage(reason: 'password' | 'unreadable'): string;
  /** "Colour: yellow" for yellow. */
  colour(color: HighlightColor): string;
}

/** The words of Markdown export in `language` (English by default), from the shared catalogs. */
export function exportWords(language: Language = 'en'): ExportWords {
  const t = translator(language);
  return {
    author: t('exportWords.author'),
    published: t('exportWords.published'),
    source: t('exportWords.source'),
    link: t('exportWords.link'),
    tags: t('exportWords.tags'),
    note: t('exportWords.note'),
    highlights: t('exportWords.highlights'),
    openInGloss: t('exportWords.openInGloss'),
    orphaned: t('exportWords.orphaned'),
    page: (label) => t('exportWords.page', { page: label }),
    areaOn: (label) => t('exportWords.areaOn', { page: label }),
    noImage: (reason) => t(`exportWords.noImage.${reason}`),
    colour: (color) => t('exportWords.colour', { colour: t(`exportWords.colourNames.${color}`) }),
  };
}

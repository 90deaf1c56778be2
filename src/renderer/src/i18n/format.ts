import { intlTag, type Locale } from '../../../shared/i18n';

/** An ISO date (or date and time) as `locale` writes it in figures (vi: 1/4/2022; en: 4/1/2022), or as it is. */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(intlTag(locale as Locale), {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
}

import { intlTag, type Locale } from '../../../shared/i18n';

/**
 * Writes ISO dates (or dates and times) as `locale` writes them in figures (vi: 1/4/2022; en: 4/1/2022),
 * one that is no date as it is; one formatter made for all of them.
 */
export function dateFormatter(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(intlTag(locale as Locale), {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

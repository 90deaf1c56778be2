import { useEffect } from 'react';
import { useStore } from '../state/store';
import { shownLocale } from './shown-locale';

/**
 * Keeps the interface's language as the settings say, else as the system does (the host's locale, then
 * the browser's languages), and `<html lang>` with it.
 */
export function useLocaleSync(): void {
  const i18n = useStore((s) => s.i18n);
  const preference = useStore((s) => s.settings.language);
  const hostLocale = useStore((s) => s.info?.locale);
  useEffect(() => {
    const locale = shownLocale(preference, hostLocale);
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, preference, hostLocale]);
}

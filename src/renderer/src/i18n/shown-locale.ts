import { resolveLocale, type LanguagePreference, type Locale } from '../../../shared/i18n';

/** The interface's locale: the language set, else the host's locale, else the browser's languages. */
export function shownLocale(
  preference: LanguagePreference | undefined,
  hostLocale: string | undefined,
): Locale {
  return resolveLocale(preference, [hostLocale, ...navigator.languages]);
}

/** Each language by its own name, as people look for it whatever the interface speaks. */
export const LANGUAGE_NAMES = { vi: 'Tiếng Việt', en: 'English' } as const;

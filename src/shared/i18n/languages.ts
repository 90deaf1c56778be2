/** The languages Gloss speaks, by their BCP 47 primary tag. */
export const LANGUAGES = ['vi', 'en'] as const;
/** One of `LANGUAGES`. */
export type Language = (typeof LANGUAGES)[number];

/**
 * The pseudo-locale (accented, about 30 % longer English), chosen only when the system asks for it,
 * so tests can see every string that does not go through the catalogs. Never offered in the settings.
 */
export const PSEUDO_LOCALE = 'en-XA';
/** A language of the catalogs, or the pseudo-locale. */
export type Locale = Language | typeof PSEUDO_LOCALE;

/** The language setting: one of the languages, or whatever the system prefers. */
export type LanguagePreference = Language | 'system';

/**
 * The first of `tags` (BCP 47 like `vi-VN`, or POSIX like `vi_VN.UTF-8`) that Gloss speaks, else English.
 * The pseudo-locale tag picks the pseudo-locale.
 */
export function pickLocale(tags: readonly (string | undefined)[]): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const normal = tag.split('.')[0]!.replace('_', '-');
    if (normal.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
    const primary = normal.split('-')[0]!.toLowerCase();
    const found = LANGUAGES.find((language) => language === primary);
    if (found) return found;
  }
  return 'en';
}

/** The locale to speak: the one set, else the system's. */
export function resolveLocale(
  preference: LanguagePreference | undefined,
  systemTags: readonly (string | undefined)[],
): Locale {
  return preference && preference !== 'system' ? preference : pickLocale(systemTags);
}

/**
 * The language a POSIX environment asks for messages in: LC_ALL, else LC_MESSAGES, else LANG (the C
 * and POSIX locales and an unset environment mean English).
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return tag && tag !== 'C' && tag !== 'POSIX' ? pickLocale([tag]) : 'en';
}

/** The tag `Intl` formats numbers and dates with for `locale`. */
export function intlTag(locale: Locale): string {
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}

import i18next, { type i18n, type Module, type TFunction } from 'i18next';
import { en } from './catalog/en';
import { vi } from './catalog/vi';
import { intlTag, PSEUDO_LOCALE, type Locale } from './languages';
import { pseudoCatalog } from './pseudo';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** The catalogs by locale, bundled (no loading at run time). */
export const CATALOGS = { en, vi, [PSEUDO_LOCALE]: pseudoCatalog(en) } as const;

/**
 * A new i18next instance speaking `locale`, ready at once: plurals by the language's rules,
 * `{{value, number}}` and `{{value, datetime}}` formatted by `Intl` in that language. `plugin`
 * (react-i18next's binding, in the renderer) is registered before it starts.
 */
export function createI18n(locale: Locale, plugin?: Module): i18n {
  const instance = i18next.createInstance();
  if (plugin) instance.use(plugin);
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en', 'vi', PSEUDO_LOCALE],
    resources: Object.fromEntries(
      Object.entries(CATALOGS).map(([lng, translation]) => [lng, { translation }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  // One formatter per language, made once, not once per number (each library row shows two).
  const numberFormats = new Map<string, Intl.NumberFormat>();
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) => {
    const tag = intlTag((lng ?? 'en') as Locale);
    let format = numberFormats.get(tag);
    if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
    return format.format(Number(value));
  });
  return instance;
}

/** A translate function fixed to `locale` (the CLI and export, which speak one language per run). */
export function translator(locale: Locale): TFunction {
  return createI18n(locale).t;
}

export type { TFunction } from 'i18next';

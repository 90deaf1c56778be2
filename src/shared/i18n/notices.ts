import type { Notice } from '../model/notice';
import type { TFunction } from './i18n';
import type { Locale } from './languages';

/**
 * `notice` in `locale` (whose words `t` gives): in English its message as it is; else the catalog's
 * sentence `notice.key` worded with its params, or the English `message` when it names no key or one
 * this catalog lacks (a notice an older Gloss recorded).
 */
export function describeNotice(t: TFunction, locale: Locale, notice: Notice): string {
  if (locale === 'en' || notice.key === undefined) return notice.message;
  const worded = (t as (key: string, params: object) => string)(notice.key, { ...notice.params });
  return worded === notice.key ? notice.message : worded;
}

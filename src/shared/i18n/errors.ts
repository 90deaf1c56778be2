import type { ApiError } from '../result';
import type { TFunction } from './i18n';
import type { Locale } from './languages';

/**
 * `error` in `locale` (whose words `t` gives): in English its message as it is (the most specific);
 * else the catalog's sentence `params.key` with the other params when the error names one, or the
 * sentence its code has, naming the file of `params.file`. With `detail`, a sentence by code is followed
 * by the English message in parentheses (the CLI, whose users may look it up).
 */
export function describeError(t: TFunction, locale: Locale, error: ApiError, detail = false): string {
  if (locale === 'en') return error.message;
  const key = error.params?.key;
  if (typeof key === 'string') {
    const worded = (t as (key: string, params: object) => string)(key, { ...error.params });
    if (worded !== key) return worded;
  }
  const reason = t(`errors.${error.code}`);
  const file = error.params?.file;
  const text = file === undefined ? reason : t('errors.aboutFile', { file: String(file), reason });
  return detail ? `${text} (${error.message})` : text;
}

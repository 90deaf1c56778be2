import type { ApiError } from '../result';
import type { TFunction } from './i18n';
import type { Locale } from './languages';

/**
 * `error` in `locale` (whose words `t` gives): in English its message as it is (the most specific),
 * else the sentence its code has in the catalog, naming the file of `params.file`; with `detail`, the
 * English message follows in parentheses (the CLI, whose users may look it up).
 */
export function describeError(t: TFunction, locale: Locale, error: ApiError, detail = false): string {
  if (locale === 'en') return error.message;
  const reason = t(`errors.${error.code}`);
  const file = error.params?.file;
  const text = file === undefined ? reason : t('errors.aboutFile', { file: String(file), reason });
  return detail ? `${text} (${error.message})` : text;
}

import type { en } from '../../shared/i18n/catalog/en';
import { translator } from '../../shared/i18n';
import type { Notice, NoticeParams } from '../../shared/model/notice';
import { GlossError } from '../../shared/result';

type Singular<K> = K extends `${infer Base}_${'zero' | 'one' | 'other'}` ? Base : K;

/** A key of the catalogs' `notices` group (plural forms under their base key). */
export type NoticeKey =
  `notices.${Singular<keyof typeof en.notices>}` | `undo.${Singular<keyof typeof en.undo>}`;

const english = translator('en') as (key: string, params: object) => string;

/**
 * The notice `key` worded with `params`: its English sentence from the catalog as `message` (logs, the
 * CLI in English), and the key and params each interface words it with in its own language. The
 * sentence is worded when `message` is first read (an undo label recorded with every highlight made
 * is most often never read), so `params` must not be changed afterwards.
 */
export function notice(key: NoticeKey, params: NoticeParams = {}): Notice {
  let message: string | undefined;
  return {
    get message() {
      return (message ??= english(key, params));
    },
    key,
    params,
  };
}

/**
 * A failure as a notice: a GlossError's sentence `params.key`, else the sentence of its code (both
 * with its params); anything else by its message alone.
 */
export function errorNotice(error: unknown): Notice {
  if (!(error instanceof GlossError))
    return { message: error instanceof Error ? error.message : String(error) };
  const key = error.params?.key;
  return {
    message: error.message,
    key: typeof key === 'string' ? key : `errors.${error.code}`,
    params: { ...error.params },
  };
}

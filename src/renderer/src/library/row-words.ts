import type { TFunction } from 'i18next';
import { dateFormatter } from '../i18n/format';

/** The words of an article row, in one language. */
export interface RowWords {
  /** "3 highlights". */
  highlights: (count: number) => string;
  /** The progress bar's label: "Read 40% of <title>". */
  readPercent: (percent: number, title: string) => string;
  /** The actions: "Edit", "Delete", and their labels: "Edit details of <title>", "Delete <title>". */
  edit: string;
  delete: string;
  editLabel: (title: string) => string;
  deleteLabel: (title: string) => string;
  /** A published date, in figures. */
  date: (iso: string) => string;
}

/** Stands for a title while a label is translated, then is replaced by it: a character no catalog holds. */
const TITLE = '\u0000';

/**
 * The words of article rows in `t`'s language, each translated (and interpolated) by i18next once per
 * distinct count or percent rather than once per row: a label is translated with a marker for the
 * title, which each row's title then replaces. A list builds them once per language.
 */
export function rowWords(t: TFunction, language: string): RowWords {
  const once = <K, V>(make: (key: K) => V) => {
    const made = new Map<K, V>();
    return (key: K) => {
      let value = made.get(key);
      if (value === undefined) made.set(key, (value = make(key)));
      return value;
    };
  };
  const withTitle = (label: string) => {
    const parts = label.split(TITLE);
    return (title: string) => parts.join(title);
  };
  const readPercent = once((percent: number) =>
    withTitle(t('library.readPercent', { percent, title: TITLE })),
  );
  return {
    highlights: once((count: number) => t('library.highlights', { count })),
    readPercent: (percent, title) => readPercent(percent)(title),
    edit: t('app.edit'),
    delete: t('app.delete'),
    editLabel: withTitle(t('library.editLabel', { title: TITLE })),
    deleteLabel: withTitle(t('library.deleteLabel', { title: TITLE })),
    date: dateFormatter(language),
  };
}

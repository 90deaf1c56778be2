/** A BCP 47 language tag as documents write it: "vi", "en-US", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/**
 * The language a document states for itself (HTML `lang`, front matter `lang:`), as a BCP 47 tag with
 * its primary subtag in lower case; null when absent or not a well-formed tag.
 */
export function statedLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().replace(/_/g, '-');
  if (!LANGUAGE_TAG.test(tag)) return null;
  const [primary, ...rest] = tag.split('-');
  return [primary!.toLowerCase(), ...rest].join('-');
}

/** Letters found in Vietnamese and in no other language written in Latin script (ơ, ư, đ, ă with tones, …). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const LETTERS = /\p{L}/gu;
/** Characters looked at: enough for a sure answer, few enough to be instant. */
const SAMPLE = 4000;

/**
 * The language of a text as a BCP 47 tag, when it can be told from its letters: "vi" when at least
 * 2 % of the letters of its first 4000 characters are Vietnamese-only letters; else null (unknown).
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE).normalize('NFC');
  const letters = sample.match(LETTERS)?.length ?? 0;
  if (letters === 0) return null;
  const vietnamese = sample.match(VIETNAMESE)?.length ?? 0;
  return vietnamese / letters >= 0.02 ? 'vi' : null;
}

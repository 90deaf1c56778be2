import { fold } from '../../../shared/text/fold';

/** Month names (folded: no accents, lower case) of the languages Kindle writes its dates in, by month. */
const NAMES: string[][] = [
  // English, German, French, Spanish, Italian, Portuguese, Dutch, Russian (genitive)
  ['january', 'jan', 'januar', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'января'],
  ['february', 'feb', 'februar', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'февраля'],
  ['march', 'mar', 'marz', 'mars', 'marzo', 'marco', 'maart', 'марта'],
  ['april', 'apr', 'avril', 'abril', 'aprile', 'апреля'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'июня'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'июля'],
  ['august', 'aug', 'aout', 'agosto', 'augustus', 'августа'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'сентября'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'октября'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноября'],
  ['december', 'dec', 'dezember', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'декабря'],
];
const MONTHS = new Map(NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));

const TIME = /(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?/;
/** "PM" after the time (English, Vietnamese "CH"), or before it (Chinese, Japanese, Korean). */
const PM_AFTER = /^\s*(?:pm|p\.\s?m\.|ch|chieu|toi)(?![\p{L}])/u;
const PM_BEFORE = /(?:下午|午後|오후|chieu|toi)\s*$/;
const AM_AFTER = /^\s*(?:am|a\.\s?m\.|sa|sang)(?![\p{L}])/u;
const AM_BEFORE = /(?:上午|午前|오전|sang)\s*$/;
/** Year, month and day written with 年月日 (Japanese, Chinese) or 년월일 (Korean). */
const CJK = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
/** Vietnamese: "ngày 3 tháng 3 năm 2019" or "3 tháng 3, 2019" (folded). */
const VIETNAMESE = /(\d{1,2})\s+thang\s+(\d{1,2})\D+?(\d{4})/;
/** Day, month, year in digits, day first: "03/03/2019", "3.3.2019". */
const NUMERIC = /(\d{1,2})[./-](\d{1,2})[./-](\d{4})/;

/** A valid date from its parts (local time), or null when a part is out of range. */
function dateOf(year: number, month: number, day: number, time: number[]): Date | null {
  const [hours = 0, minutes = 0, seconds = 0] = time;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59)
    return null;
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  return date.getDate() === day ? date : null;
}

function timeOf(text: string): { rest: string; time: number[] } {
  const match = TIME.exec(text);
  if (!match) return { rest: text, time: [] };
  let hours = Number(match[1]);
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  if ((PM_AFTER.test(after) || PM_BEFORE.test(before)) && hours < 12) hours += 12;
  else if ((AM_AFTER.test(after) || AM_BEFORE.test(before)) && hours === 12) hours = 0;
  return { rest: `${before} ${after}`, time: [hours, Number(match[2]), Number(match[3] ?? 0)] };
}

/**
 * Reads the date of a Kindle clipping's "Added on" part in any of the languages Kindle (or KOReader's
 * clippings export) writes it in: "Sunday, March 3, 2019 10:15:37 PM", "Sonntag, 3. März 2019 22:15:37",
 * "2019年3月3日星期日 下午10:15:37", "Chủ Nhật, ngày 3 tháng 3 năm 2019 22:15:37", and so on. The time is
 * taken as the computer's local time (the clipping names no zone).
 * @returns the moment as ISO 8601 (UTC), or null when no date can be read.
 */
export function parseClippingDate(text: string): string | null {
  const { rest, time } = timeOf(fold(text.normalize('NFC')));
  let date: Date | null = null;
  const cjk = CJK.exec(rest);
  const vietnamese = VIETNAMESE.exec(rest);
  const numeric = NUMERIC.exec(rest);
  if (cjk) date = dateOf(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]), time);
  else if (vietnamese)
    date = dateOf(Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1]), time);
  else if (numeric) date = dateOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), time);
  else {
    const month = (rest.match(/\p{L}+/gu) ?? []).map((word) => MONTHS.get(word)).find((m) => m !== undefined);
    const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(rest)?.[1];
    const day = (rest.match(/\d+/g) ?? []).find((n) => n.length <= 2);
    if (month && year && day) date = dateOf(Number(year), month, Number(day), time);
  }
  return date ? date.toISOString() : null;
}

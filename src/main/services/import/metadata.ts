/** Lines at the start of an article searched for a date or byline. */
const HEAD_LINES = 6;
/** Lines at the end of an article searched for a byline. */
const TAIL_LINES = 3;
const MAX_AUTHOR_LENGTH = 80;

const LABEL =
  /^(?:cập nhật|ngày đăng|ngày xuất bản|đăng lúc|đăng ngày|đăng|xuất bản|published|updated|posted|date)\s*:?\s*/iu;
const WEEKDAY =
  /(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|(?:mon|tues|wednes|thurs|fri|satur|sun)day)/iu;
const ZONE = /\(?\s*(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*\)?/iu;
const DAY_MONTH_YEAR = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/u;
const LONG_VIETNAMESE = /\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b/iu;
const YEAR_MONTH_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/u;
const TIME = /\b(\d{1,2})[:h](\d{2})(?::(\d{2}))?\b/u;
const FILLER = /[\s,|–—-]|\blúc\b|\bngày\b/giu;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/u;

const pad = (n: number | string): string => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a line that is only a date, as news sites print them:
 * "Thứ sáu, 01/04/2022 09:35" → "2022-04-01T09:35", "ngày 1 tháng 4 năm 2022"
 * → "2022-04-01", "01/04/2022 - 09:35 (GMT+7)" → "2022-04-01T09:35+07:00".
 * Day comes before month, as in Vietnamese. Returns ISO 8601 or null.
 */
export function parseDateLine(line: string): string | null {
  let rest = line.trim().replace(LABEL, '');
  const take = (pattern: RegExp): RegExpMatchArray | null => {
    const match = rest.match(pattern);
    if (match) rest = rest.replace(match[0], ' ');
    return match;
  };
  const zone = take(ZONE);
  take(WEEKDAY);
  const long = take(LONG_VIETNAMESE);
  const dmy = long ?? take(DAY_MONTH_YEAR);
  const ymd = dmy ? null : take(YEAR_MONTH_DAY);
  const time = take(TIME);
  if (rest.replace(FILLER, '') !== '') return null;
  const [year, month, day] = dmy
    ? [dmy[3], dmy[2], dmy[1]].map(Number)
    : ymd
      ? [ymd[1], ymd[2], ymd[3]].map(Number)
      : [];
  if (!year || !month || !day || !validDate(year, month, day)) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (!time) return iso;
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (hour > 23 || minute > 59) return null;
  const withTime = `${iso}T${pad(hour)}:${pad(minute)}${time[3] ? `:${time[3]}` : ''}`;
  return zone ? `${withTime}${zone[1]}${pad(zone[2] ?? 0)}:${pad(zone[3] ?? 0)}` : withTime;
}

/**
 * Normalizes a date from metadata (HTML meta tags, Markdown front matter):
 * ISO 8601 is kept (a space before the time becomes "T"), anything
 * `parseDateLine` reads is converted, anything else gives null.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const iso = trimmed.match(ISO);
  if (!iso) return parseDateLine(trimmed);
  return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? trimmed.replace(' ', 'T') : null;
}

/**
 * The non-blank lines of `text` that findAuthor and findPublished read: the first HEAD_LINES and the
 * last TAIL_LINES, as from `text.split('\n').filter((line) => line.trim())` but without splitting a
 * long text whole.
 */
export function edgeLines(text: string): string[] {
  const head: string[] = [];
  let from = 0;
  while (head.length < HEAD_LINES && from <= text.length) {
    const newline = text.indexOf('\n', from);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(from, end);
    if (line.trim()) head.push(line);
    from = end + 1;
  }
  const tail: string[] = [];
  let to = text.length;
  while (tail.length < TAIL_LINES && to >= from) {
    const start = text.lastIndexOf('\n', to - 1) + 1;
    if (start < from) break;
    const line = text.slice(start, to);
    if (line.trim()) tail.unshift(line);
    to = start - 1;
  }
  if (head.length < HEAD_LINES || tail.length < TAIL_LINES)
    return text.split('\n').filter((line) => line.trim());
  return [...head, ...tail];
}

/** The first line near the start of the body (or else near its end) that is a date, as ISO 8601. */
export function findPublished(lines: readonly string[]): string | null {
  const candidates = [...lines.slice(0, HEAD_LINES), ...lines.slice(-TAIL_LINES)];
  for (const line of candidates) {
    const date = parseDateLine(line);
    if (date) return date;
  }
  return null;
}

const BYLINE =
  /^(?:by|bởi|tác giả|người viết|bài và ảnh|bài, ảnh|bài & ảnh|bài|phóng viên|pv|theo)\s*(?:[:–-]\s*|\s)(.+)$/iu;
const CONNECTOR = /^(?:và|and|&|-|–|,)$/iu;
const CAPITALIZED = /^[\p{Lu}\p{Lt}][\p{L}\p{M}.'’-]*,?$/u;
const ALL_CAPS_NAME = /^[\p{Lu}\p{M}]+(?:[ -][\p{Lu}\p{M}]+){1,4}$/u;

/** "Lê Anh Tuấn", "Theo TTXVN", "Alice Smith and Bob Jones": capitalized words and connectors only. */
function asName(value: string): string | null {
  const name = value.trim().replace(/[.;]$/u, '');
  if (!name || name.length > MAX_AUTHOR_LENGTH) return null;
  const words = name.split(/\s+/u);
  return words.every((word) => CAPITALIZED.test(word) || CONNECTOR.test(word)) &&
    CAPITALIZED.test(words[0] ?? '')
    ? name
    : null;
}

/** A name in capitals, as bylines are often printed, given back capitalized: "LÊ ANH TUẤN" → "Lê Anh Tuấn". */
function presentName(name: string): string {
  if (!ALL_CAPS_NAME.test(name)) return name;
  const capitalize = (_: string, before: string, letter: string): string =>
    before + letter.toLocaleUpperCase('vi');
  return name.toLocaleLowerCase('vi').replace(/(^|[\s-])(\p{L})/gu, capitalize);
}

/**
 * Cleans a byline from metadata: drops a leading "By"/"Bởi"/"Tác giả:"
 * label, capitalizes a name printed in capitals, keeps it only when it is
 * short. Returns null for empty input.
 */
export function cleanByline(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/gu, ' ').trim();
  const labelled = text.match(BYLINE);
  const name = (labelled?.[1] ?? text).trim();
  return name && name.length <= MAX_AUTHOR_LENGTH ? presentName(name) : null;
}

/**
 * Finds the author in the lines of an article body, best effort. Near the
 * start and end: a labelled byline ("By Alice Smith", "Tác giả: …",
 * "Bài và ảnh: …", "Theo TTXVN"). At the very end, as Vietnamese papers
 * sign articles: a name on its own line, in capitals or capitalized. Names
 * in capitals come back capitalized ("LÊ ANH TUẤN" → "Lê Anh Tuấn"). Lines
 * may be wrapped in brackets.
 */
export function findAuthor(lines: readonly string[]): string | null {
  const unwrap = (line: string): string =>
    line
      .trim()
      .replace(/^\((.*)\)$/su, '$1')
      .trim();
  const head = lines.slice(0, HEAD_LINES).map(unwrap);
  const tail = lines.slice(-TAIL_LINES).map(unwrap).reverse();
  for (const line of [...tail, ...head]) {
    const labelled = line.match(BYLINE);
    const name = labelled?.[1] ? asName(labelled[1]) : null;
    if (name) return presentName(name);
  }
  const last = tail[0];
  if (!last || lines.length < 2) return null;
  if (ALL_CAPS_NAME.test(last)) return presentName(last);
  const words = last.split(/\s+/u);
  return words.length >= 2 &&
    words.length <= 5 &&
    words.every((w) => /^[\p{Lu}\p{Lt}][\p{Ll}\p{M}]+$/u.test(w))
    ? last
    : null;
}

/** A title made from a file name: the name without directories or extension, NFC, spaces tidied. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.includes('.', 1) ? base.slice(0, base.lastIndexOf('.')) : base;
  return stem.normalize('NFC').replace(/\s+/gu, ' ').trim() || base.normalize('NFC');
}

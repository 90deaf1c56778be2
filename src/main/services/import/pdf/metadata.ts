import type { PageText } from '../../../../shared/pdf/page-text';

/** Titles producers write in place of a real one: application names, file names, placeholders. */
const JUNK_TITLE = [
  /^(?:microsoft\s+)?(?:word|powerpoint|excel)\s*-\s*/iu,
  /\.(?:docx?|odt|rtf|pdf|tex|dvi|ps|indd|pages|pptx?|xlsx?|txt|md)$/iu,
  /^(?:untitled|title|document\d*|no title|none|null|unknown|slide \d+)$/iu,
  /^[\d\s_.-]*$/u,
  /^(?:[a-z]:)?[\\/]/iu,
];

/**
 * A title from the PDF's Info or XMP metadata, cleaned; null when it is empty or junk such as
 * "Microsoft Word - draft.docx", "untitled", a file name or a path.
 */
export function usableTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.replace(/\s+/gu, ' ').trim().normalize('NFC');
  if (title.length < 3 || title.length > 300) return null;
  return JUNK_TITLE.some((junk) => junk.test(title)) ? null : title;
}

/** Authors from Info/XMP: a string or a list ("A; B", ["A", "B"]) joined with ", "; null when empty. */
export function usableAuthors(value: unknown): string | null {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*;\s*/u) : [];
  const names = list
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.replace(/\s+/gu, ' ').trim().normalize('NFC'))
    .filter(
      (name) => name.length > 1 && name.length <= 200 && !/^(?:unknown|author|user|admin)$/iu.test(name),
    );
  return names.length > 0 ? names.join(', ') : null;
}

/**
 * A PDF date ("D:20240131120000+07'00'") or an XMP ISO date, as ISO 8601: date only when no time
 * is given, with its offset when one is. Null when unreadable or impossible.
 */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const iso = value.trim().match(/^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 1)) ? value.trim() : null;
  const m = value
    .trim()
    .match(/^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/u);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  if (!valid(year, month, day)) return null;
  const date = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  if (!m[4]) return date;
  const zone = m[7]
    ? m[7] === 'Z'
      ? 'Z'
      : `${m[7].slice(0, 3)}:${m[7].slice(3).replace(/'/gu, '') || '00'}`
    : '';
  return `${date}T${m[4]}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
}

function valid(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year > 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/iu;

/** The first DOI in `text` ("doi:10.1000/xyz123." → "10.1000/xyz123"), trailing punctuation dropped; or null. */
export function findDoi(text: string): string | null {
  const match = text.match(DOI);
  if (!match?.[1]) return null;
  let doi = match[1].replace(/[.,;:]+$/u, '');
  // A closing bracket belongs to the DOI only when it opened one.
  while (/[)\]]$/u.test(doi) && count(doi, '(') + count(doi, '[') < count(doi, ')') + count(doi, ']')) {
    doi = doi.slice(0, -1);
  }
  return doi;
}

const count = (s: string, c: string): number => s.split(c).length - 1;

/**
 * The text set in the largest type on a page (a paper's title on its first page): the consecutive
 * paragraphs whose size is within 5% of the largest, when that size stands out (≥ 1.15× the size
 * most of the text is set in). Null when nothing stands out.
 */
export function largestText(page: PageText): string | null {
  const { paragraphs, text } = page;
  if (paragraphs.length < 2) return null;
  const weight = new Map<number, number>();
  for (const p of paragraphs) weight.set(p.size, (weight.get(p.size) ?? 0) + (p.end - p.start));
  const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const largest = Math.max(...paragraphs.map((p) => p.size));
  if (largest < 1.15 * body) return null;
  const first = paragraphs.findIndex((p) => p.size >= 0.95 * largest);
  const parts: string[] = [];
  for (const p of paragraphs.slice(first)) {
    if (p.size < 0.95 * largest) break;
    parts.push(text.slice(p.start, p.end));
  }
  const title = parts.join(' ').replace(/\s+/gu, ' ').trim();
  return title.length >= 3 && title.length <= 300 ? title : null;
}

import { fold } from '../../../shared/text/fold';
import { parseClippingDate } from './clipping-dates';
import { cleanText, type ForeignBook, type ForeignHighlight, type ParsedHighlights } from './types';

/** The line Kindle ends every clipping with. */
const SEPARATOR = /^\s*==========\s*$/m;

/** Kinds of clipping, recognised on the folded first part of the "- Your Highlight…" line, any language. */
const BOOKMARK =
  /bookmark|lesezeichen|signet|marcador|segnalibro|bladwijzer|закладк|ブックマーク|书签|書籤|(?<!danh )dau trang/;
const NOTE = /\bnote\b|notiz|\bnota\b|notitie|заметк|メモ|笔记|筆記|ghi chu/;
const HIGHLIGHT =
  /highlight|markierung|surlign|subrayado|evidenzia|destaque|markering|выделен|ハイライト|标注|標註|to sang|danh dau|\bclip/;
const PAGE = /(?:\bpage|\bseite|\bpagina|\btrang|стр\S*)\s*(\d+|[ivxlc]+\b)|(\d+)\s*(?:ページ|页|頁)/;
const LOCATION =
  /(?:location|\bloc\.|\bposition|posicion|posizione|posicao|positie|emplacement|позици\S*|vi tri|位置(?:no\.)?)\s*#?\s*(\d+)(?:\s*-\s*(\d+))?/;

type Kind = 'highlight' | 'note' | 'bookmark';

interface Clipping {
  title: string;
  author: string | null;
  kind: Kind;
  page: string | null;
  /** Kindle location range, inclusive; a note has start = end. */
  location: { start: number; end: number } | null;
  created: string | null;
  text: string;
}

/** "170-72" means 170–172 in old Kindle files: the end repeats only the digits that changed. */
function locationRange(start: string, end: string | undefined): { start: number; end: number } {
  const from = Number(start);
  if (end === undefined) return { start: from, end: from };
  let to = Number(end);
  if (to < from && end.length < start.length) to = Number(start.slice(0, start.length - end.length) + end);
  return { start: from, end: Math.max(from, to) };
}

function titleAndAuthor(line: string): { title: string; author: string | null } {
  const clean = line.replace(/^\uFEFF/, '').trim();
  const match = /^(.*\S)\s*\(([^()]+)\)$/.exec(clean);
  return match ? { title: match[1]!, author: match[2]!.trim() } : { title: clean, author: null };
}

function parseClipping(block: string): Clipping | null {
  const lines = block
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  const [head, meta, ...body] = lines;
  if (!head || meta === undefined) return null;
  const parts = meta.replace(/^\s*-\s*/, '').split('|');
  const datePart = parts.length > 1 ? parts.pop()! : '';
  const described = fold(parts.join('|'));
  const kind: Kind | null = BOOKMARK.test(described)
    ? 'bookmark'
    : NOTE.test(described)
      ? 'note'
      : HIGHLIGHT.test(described)
        ? 'highlight'
        : null;
  if (!kind) return null;
  const page = PAGE.exec(described);
  const location = LOCATION.exec(described);
  return {
    ...titleAndAuthor(head),
    kind,
    page: page ? (page[1] ?? page[2] ?? null) : null,
    location: location ? locationRange(location[1]!, location[2]) : null,
    created: parseClippingDate(datePart),
    text: cleanText(body.join('\n')),
  };
}

function describe(clipping: Clipping): string | null {
  const where = [
    clipping.page !== null && `page ${clipping.page}`,
    clipping.location &&
      (clipping.location.start === clipping.location.end
        ? `location ${clipping.location.start}`
        : `location ${clipping.location.start}–${clipping.location.end}`),
  ].filter(Boolean);
  return where.length ? where.join(', ') : null;
}

function overlaps(a: Clipping, b: Clipping): boolean {
  if (a.location && b.location)
    return a.location.start <= b.location.end && b.location.start <= a.location.end;
  return a.page !== null && a.page === b.page;
}

/** True when `b` repeats `a`: the same passage highlighted again, maybe longer or shorter. */
function repeats(a: Clipping, b: Clipping): boolean {
  const [x, y] = [a.text.replace(/\s+/g, ' '), b.text.replace(/\s+/g, ' ')];
  if (x === y) return true;
  return overlaps(a, b) && (x.includes(y) || y.includes(x));
}

interface BookClippings {
  highlights: Clipping[];
  notes: Clipping[];
}

/**
 * Reads Kindle's `My Clippings.txt` (any of its languages, and the copy KOReader writes): clippings
 * grouped by book (title and author from the "Title (Author)" line). A passage highlighted again (same
 * text, or one containing the other at an overlapping location) is kept once, in its latest form; a
 * note is attached to the highlight whose location range holds it, else kept as a note of the book;
 * bookmarks and clippings that cannot be read are counted as ignored.
 */
export function parseKindleClippings(text: string): ParsedHighlights {
  const books = new Map<string, { title: string; author: string | null } & BookClippings>();
  let duplicates = 0;
  let ignored = 0;
  for (const block of text.split(SEPARATOR)) {
    if (!block.trim()) continue;
    const clipping = parseClipping(block);
    if (!clipping || clipping.kind === 'bookmark' || !clipping.text) {
      ignored++;
      continue;
    }
    const key = `${fold(clipping.title)}\n${fold(clipping.author ?? '')}`;
    let book = books.get(key);
    if (!book)
      books.set(key, (book = { title: clipping.title, author: clipping.author, highlights: [], notes: [] }));
    if (clipping.kind === 'note') {
      book.notes.push(clipping);
      continue;
    }
    const earlier = book.highlights.findIndex((h) => repeats(h, clipping));
    if (earlier === -1) book.highlights.push(clipping);
    else {
      duplicates++;
      book.highlights[earlier] = clipping;
    }
  }
  return { format: 'kindle', books: [...books.values()].map(toBook), duplicates, ignored };
}

function toBook(book: { title: string; author: string | null } & BookClippings): ForeignBook {
  const highlights: ForeignHighlight[] = book.highlights.map((h) => ({
    quote: h.text,
    note: '',
    tags: [],
    color: null,
    created: h.created,
    where: describe(h),
    key: h.location ? `loc:${h.location.start}-${h.location.end}` : h.page !== null ? `page:${h.page}` : '',
  }));
  const notes = [];
  for (const note of book.notes) {
    const at = note.location?.start;
    const index = book.highlights.findLastIndex((h) =>
      at !== undefined && h.location ? h.location.start <= at && at <= h.location.end : h.page === note.page,
    );
    const target = index === -1 ? undefined : highlights[index];
    if (target) target.note = target.note ? `${target.note}\n\n${note.text}` : note.text;
    else notes.push({ text: note.text, where: describe(note), created: note.created });
  }
  return { title: book.title, author: book.author, source: 'Kindle', tags: [], highlights, notes };
}

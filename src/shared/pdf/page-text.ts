import { lineFragments, readingOrder, type LineFragment, type PdfTextRun } from './lines';

/** Where one run's text landed in its page's text: UTF-16 offsets [start, end) into `PageText.text`. */
export interface RunRange {
  run: number;
  start: number;
  end: number;
}

/** A page's canonical text with its paragraphs and where each run went. */
export interface PageText {
  /** NFC, LF; paragraphs separated by one LF; no trailing space. */
  text: string;
  /** Paragraph ranges in `text`, in reading order, with the font size of their first line. */
  paragraphs: { start: number; end: number; size: number }[];
  /** One entry per run that produced text, in reading order. */
  runs: RunRange[];
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
  '\u0132': 'IJ',
  '\u0133': 'ij',
  '\u0152': 'OE',
  '\u0153': 'oe',
};
const LIGATURE = /[\uFB00-\uFB06]/gu;

/**
 * A run's text as it enters the canonical text: typographic ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) expanded, soft
 * hyphens and control characters dropped, whitespace runs made one space, NFC.
 */
export function normalizeRunText(str: string): string {
  return str
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00AD\p{Cc}]/gu, (c) => (/\s/u.test(c) ? c : ''))
    .replace(/\s+/gu, ' ')
    .normalize('NFC');
}

interface Piece {
  run: number;
  text: string;
}

/** A line break inside a paragraph: hyphen at the end of a letter run, lower-case letter next. */
const SPLIT_WORD_END = /\p{L}[-\u2010]$/u;
const LOWER_START = /^\p{Ll}/u;
/** A gap wider than this many font sizes between two lines starts a paragraph. */
const PARAGRAPH_GAP = 1.7;

function startsParagraph(previous: LineFragment, line: LineFragment, previousText: string): boolean {
  const size = Math.max(previous.size, line.size, 1);
  if (Math.abs(previous.size - line.size) > 0.15 * size) return true;
  const gap = previous.y - line.y;
  if (gap <= 0 || gap > PARAGRAPH_GAP * size) return true;
  if (Math.abs(previous.left - line.left) > 4 * size) return true;
  return /[.!?:]["”’)]?$/u.test(previousText) && line.left > previous.left + 0.8 * size;
}

/**
 * Builds a page's canonical text from its pdf.js text runs: lines in reading order (two columns
 * read one after the other), lines of a paragraph joined with a space, a word split by a hyphen at a
 * line end joined again ("exam-" + "ple" → "example"), ligatures expanded, NFC. Deterministic: the
 * same runs always give the same text and ranges, so the reader can map its text layer onto it.
 * @param middle x of the page's middle, PDF points (for column detection).
 */
export function pageText(runs: readonly PdfTextRun[], middle: number): PageText {
  const lines = readingOrder(lineFragments(runs), middle);
  const paragraphs: { pieces: Piece[]; size: number }[] = [];
  let previous: LineFragment | null = null;
  for (const line of lines) {
    const pieces = linePieces(runs, line);
    if (pieces.length === 0) continue;
    const current = paragraphs.at(-1);
    const previousText = current ? piecesText(current.pieces) : '';
    if (!current || !previous || startsParagraph(previous, line, previousText)) {
      paragraphs.push({ pieces, size: line.size });
    } else {
      joinLine(current.pieces, pieces);
    }
    previous = line;
  }
  return assemble(paragraphs);
}

function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((p) => p.text).join('');
}

function joinLine(paragraph: Piece[], next: Piece[]): void {
  const last = paragraph.findLast((p) => p.text !== '')!;
  const first = next.find((p) => p.text !== '')!;
  if (SPLIT_WORD_END.test(last.text) && LOWER_START.test(first.text)) {
    last.text = last.text.slice(0, -1);
  } else if (!last.text.endsWith(' ')) {
    last.text += ' ';
  }
  paragraph.push(...next);
}

function linePieces(runs: readonly PdfTextRun[], line: LineFragment): Piece[] {
  const pieces: Piece[] = [];
  let right: number | null = null;
  for (const index of line.runs) {
    const run = runs[index]!;
    let text = normalizeRunText(run.str);
    const last = pieces.at(-1);
    if (last && /^\p{M}/u.test(text)) {
      // A combining mark drawn as its own run composes with the letter before it.
      const merged = (last.text + text).normalize('NFC');
      pieces.push({ run: index, text: '' });
      last.text = merged;
      right = run.x + run.width;
      continue;
    }
    const gap = right === null ? 0 : run.x - right;
    if (last && gap > 0.2 * Math.max(run.size, 1) && !last.text.endsWith(' ') && !text.startsWith(' ')) {
      text = ` ${text}`;
    }
    if (last?.text.endsWith(' ') && text.startsWith(' ')) text = text.slice(1);
    if (!last) text = text.trimStart();
    pieces.push({ run: index, text });
    right = run.x + run.width;
  }
  const last = pieces.at(-1);
  if (last) last.text = last.text.trimEnd();
  return pieces.some((p) => p.text !== '') ? pieces : [];
}

function assemble(paragraphs: readonly { pieces: Piece[]; size: number }[]): PageText {
  let text = '';
  const ranges: RunRange[] = [];
  const out: PageText['paragraphs'] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n';
    const start = text.length;
    for (const piece of paragraph.pieces) {
      const leading = piece.text.length - piece.text.trimStart().length;
      ranges.push({ run: piece.run, start: text.length + leading, end: text.length + piece.text.length });
      text += piece.text;
    }
    out.push({ start, end: text.length, size: paragraph.size });
  }
  return { text, paragraphs: out, runs: ranges };
}

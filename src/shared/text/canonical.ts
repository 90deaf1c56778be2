const LINE_BREAKS = /\r\n?/g;
const WORD = /[\p{L}\p{N}]/u;
/** Characters canonicalized at a time (then up to the next line feed). */
const CANONICAL_PIECE_CHARS = 1 << 20;

/**
 * Turns decoded text into Gloss' canonical form: strips a leading byte order
 * mark, makes every line end LF (CRLF and lone CR alike) and normalizes to
 * Unicode NFC, so precomposed and decomposed Vietnamese letters (macOS file
 * names and text, Windows-1258 tone marks) give the same code units.
 * Every offset Gloss stores refers to text in this form.
 */
export function canonicalize(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Piece by piece, cut after a line feed (where NFC and CRLF cannot span the cut), so that a long text
  // already canonical is never copied whole: only a piece at a time is, to compare.
  const pieces: string[] = [];
  let changed = false;
  for (let from = 0; from < body.length;) {
    const newline = body.indexOf('\n', from + CANONICAL_PIECE_CHARS);
    const to = newline < 0 ? body.length : newline + 1;
    const piece = body.slice(from, to);
    const canonical = piece.replace(LINE_BREAKS, '\n').normalize('NFC');
    changed ||= canonical !== piece;
    pieces.push(canonical);
    from = to;
  }
  return changed ? pieces.join('') : body;
}

/**
 * Counts words the way Vietnamese readers count them: whitespace-separated
 * tokens (one per syllable in Vietnamese) that contain at least one letter or
 * digit, so stray punctuation such as "–" or "…" is not a word. Whitespace is
 * what `\s` matches; a letter or digit what `[\p{L}\p{N}]` does. One pass
 * over the code units: a regular expression runs only on a token's
 * characters beyond ASCII and Latin letters until one of them is a letter or digit.
 */
export function countWords(text: string): number {
  let count = 0;
  let inToken = false;
  let isWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (isWord) count++;
      inToken = false;
      isWord = false;
      continue;
    }
    inToken = true;
    if (isWord) continue;
    if (code < 0x80) {
      const lower = code | 0x20;
      isWord = (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39);
    } else if (isLatinLetter(code)) {
      isWord = true;
    } else {
      const point = text.codePointAt(i) as number;
      isWord = WORD.test(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    }
  }
  return inToken && isWord ? count + 1 : count;
}

/**
 * Whether a UTF-16 unit is a letter of Latin-1 Supplement, Latin Extended-A and -B or Latin Extended
 * Additional (every Vietnamese letter), all of which `[\p{L}]` matches: known without the regular
 * expression, which a Vietnamese word starting with such a letter would otherwise run.
 */
function isLatinLetter(code: number): boolean {
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)
  );
}

/** Whether a UTF-16 unit is one `\s` matches (ECMAScript's WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

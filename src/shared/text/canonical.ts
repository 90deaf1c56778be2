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
 * digit, so stray punctuation such as "–" or "…" is not a word.
 */
export function countWords(text: string): number {
  const tokens = /\S+/g;
  let count = 0;
  for (let token = tokens.exec(text); token; token = tokens.exec(text)) {
    if (WORD.test(token[0])) count++;
  }
  return count;
}

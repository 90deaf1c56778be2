const LINE_BREAKS = /\r\n?/g;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Turns decoded text into Gloss' canonical form: strips a leading byte order
 * mark, makes every line end LF (CRLF and lone CR alike) and normalizes to
 * Unicode NFC, so precomposed and decomposed Vietnamese letters (macOS file
 * names and text, Windows-1258 tone marks) give the same code units.
 * Every offset Gloss stores refers to text in this form.
 */
export function canonicalize(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.replace(LINE_BREAKS, '\n').normalize('NFC');
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

/** Escapes a text for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every place `quote` occurs in canonical `text` (NFC, LF), as [start, end) in UTF-16 units, in order,
 * overlapping ones included. The quote is made NFC and trimmed first; a run of white space in it matches
 * any run of white space (a quote typed on one line finds one that crosses paragraphs). Empty for a
 * quote of only white space.
 */
export function findQuote(text: string, quote: string): { start: number; end: number }[] {
  const words = quote.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const found: { start: number; end: number }[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ start: match.index, end: match.index + match[0].length });
    pattern.lastIndex = match.index + 1;
  }
  return found;
}

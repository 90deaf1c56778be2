import { GlossError } from '../../../shared/result';
import { isHypothesisExport, parseHypothesisJson } from './hypothesis';
import { parseKindleClippings } from './kindle';
import { isKoreaderExport, parseKoreaderJson } from './koreader';
import { isReadwiseCsv, parseReadwiseCsv } from './readwise';
import type { ParsedHighlights } from './types';

/** A Kindle clipping's separator line, and a "- Your Highlight … | Added on …" line. */
const CLIPPINGS = /^\s*==========\s*$/m;
const CLIPPING_META = /^\s*-\s.*\|/m;
/** What every separator line holds, as UTF-8 bytes. */
const SEPARATOR = '==========';

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Recognises a highlights export of another reader by its name and content, and reads it: Kindle's
 * `My Clippings.txt` (a `.txt` of "=========="-separated clippings), KOReader's or Hypothesis's JSON
 * export (`.json`), Readwise's CSV export (`.csv`). Returns null for any other file (an article to
 * import as usual), so a text that merely contains a row of "=" signs is still an article.
 * @throws GlossError('invalid-argument') when the file is of one of these formats but holds nothing to import.
 */
export function readHighlightsFile(name: string, bytes: Uint8Array): ParsedHighlights | null {
  const extension = name.toLowerCase().split('.').pop();
  if (extension !== 'txt' && extension !== 'json' && extension !== 'csv') return null;
  // A .txt without a separator line is an article: it is not decoded here, only by its import.
  if (
    extension === 'txt' &&
    !Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(SEPARATOR)
  ) {
    return null;
  }
  const text = decode(bytes);
  let parsed: ParsedHighlights | null = null;
  if (extension === 'txt' && CLIPPINGS.test(text) && CLIPPING_META.test(text)) {
    parsed = parseKindleClippings(text);
    if (parsed.books.length === 0 && parsed.ignored === 0) return null;
  } else if (extension === 'json') {
    const value = parseJson(text);
    if (isKoreaderExport(value)) parsed = parseKoreaderJson(value);
    else if (isHypothesisExport(value)) parsed = parseHypothesisJson(value);
  } else if (extension === 'csv' && isReadwiseCsv(text)) {
    parsed = parseReadwiseCsv(text);
  }
  if (parsed && parsed.books.length === 0) {
    throw new GlossError('invalid-argument', `“${name}” holds no highlights or notes to import.`);
  }
  return parsed;
}

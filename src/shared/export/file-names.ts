/** Longest file-name stem Gloss writes, in UTF-8 bytes (file systems allow 255; room is left for " (n)" and the extension). */
export const MAX_STEM_BYTES = 120;

/**
 * Characters no file name may hold on Windows, macOS or Linux (controls,
 * `< > : " / \ | ? *`), plus `# ^ [ ]`, which break Obsidian's [[links]];
 * as the inside of a regular-expression character class.
 */
const INVALID = String.raw`\u0000-\u001f\u007f-\u009f<>:"/\\|?*#^[\]`;

/** A run of invalid characters and whitespace, holding at least one invalid character. */
const INVALID_RUN = new RegExp(String.raw`[\s${INVALID}]*[${INVALID}][\s${INVALID}]*`, 'g');

/** Device names Windows reserves, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function capBytes(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let kept = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += encoder.encode(segment).length;
    if (bytes > maxBytes) break;
    kept += segment;
  }
  return kept;
}

function trimEnds(text: string): string {
  return text.replace(/^[\s.-]+|[\s.-]+$/g, '');
}

/**
 * Turns a title into a file-name stem (no extension) that is valid and
 * readable on Windows, macOS and Linux: NFC (Vietnamese and other letters
 * kept), invalid characters replaced by "-" (" - " where spaces surround
 * them), whitespace collapsed, no leading dot, no trailing dot or space,
 * at most {@link MAX_STEM_BYTES} UTF-8 bytes cut between characters, and
 * Windows device names (CON, NUL, COM1...) suffixed with "_". An empty
 * result becomes `fallback`.
 */
export function safeFileStem(title: string, fallback = 'Untitled'): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(INVALID_RUN, (run) => (run.includes(' ') ? ' - ' : '-'));
  const stem = trimEnds(capBytes(trimEnds(cleaned), MAX_STEM_BYTES)) || fallback;
  return stem.replace(RESERVED, '$1_');
}

/** The name a file would get as the n-th of its kind: "Title.md", 2 → "Title (2).md". */
export function numberedName(fileName: string, n: number): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  return `${stem} (${n})${ext}`;
}

/**
 * What two file names must differ in to be different files everywhere:
 * macOS and Windows compare names case-insensitively, and macOS stores them
 * decomposed (NFD).
 */
export function collisionKey(fileName: string): string {
  return fileName.normalize('NFC').toLowerCase();
}

/**
 * Makes a list of file names distinct, keeping the first of each and
 * numbering the rest " (2)", " (3)"... in order; names that differ only in
 * case or Unicode form count as the same.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(collisionKey(candidate)); n++) candidate = numberedName(name, n);
    taken.add(collisionKey(candidate));
    return candidate;
  });
}

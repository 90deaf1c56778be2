const COMBINING_MARKS = /\p{M}/gu;

/**
 * Folds text for accent-insensitive matching, Vietnamese first: NFD, strip
 * combining marks, map đ/Đ to d/D (đ has no decomposition), lower-case.
 * "Đảng", "đang" and "dạng" all fold to "dang".
 *
 * The result may be shorter than the input; use `foldWithMap` when offsets
 * in the original text are needed.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Folds `text` like `fold` and returns, for each UTF-16 unit of the folded
 * string, the offset in `text` it came from; `map[folded.length]` is
 * `text.length`. Lets a match found in folded text be mapped back.
 */
export function foldWithMap(text: string): { folded: string; map: Int32Array } {
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  for (const char of text) {
    const f = fold(char);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    parts.push(f);
    i += char.length;
  }
  const map = new Int32Array(offsets.length + 1);
  map.set(offsets);
  map[offsets.length] = text.length;
  return { folded: parts.join(''), map };
}

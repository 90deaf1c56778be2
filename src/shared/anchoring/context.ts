/** Which side of a quote a context lies on: a prefix lies `before` it, a suffix `after` it. */
export type Side = 'before' | 'after';

/** Characters of a stored context compared, the ones nearest the quote (one machine word of bits). */
const COMPARED = 32;

/** Whether `context` is exactly the text next to offset `at` on the given side. */
export function contextHolds(context: string, text: string, at: number, side: Side): boolean {
  return side === 'before'
    ? at >= context.length && text.startsWith(context, at - context.length)
    : text.startsWith(context, at);
}

/**
 * How well a stored prefix or suffix agrees with the text next to a candidate quote, from 0 (nothing in
 * common) to 1 (identical): 1 − edit distance / context length, over the 32 context characters nearest
 * the quote.
 *
 * The alignment is anchored at the quote boundary `at` and runs outwards (leftwards for a prefix,
 * rightwards for a suffix). Its far end is free, so text inserted or removed beyond the stored context
 * costs nothing, while an edit right next to the quote costs only the characters it changed. Unrelated
 * Vietnamese text scores about 0.3.
 *
 * Computed with Myers' bit-parallel edit distance (one 32-bit word per text character).
 */
export function contextSimilarity(stored: string, text: string, at: number, side: Side): number {
  const context = side === 'before' ? stored.slice(-COMPARED) : stored.slice(0, COMPARED);
  const m = context.length;
  if (m === 0 || contextHolds(context, text, at, side)) return 1;
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = context.charCodeAt(side === 'before' ? m - 1 - i : i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  const n = Math.min(side === 'before' ? at : text.length - at, m + (m >> 1));
  let pv = m === 32 ? ~0 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < n; j++) {
    const eq = peq.get(text.charCodeAt(side === 'before' ? at - 1 - j : at + j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    best = Math.min(best, score);
  }
  return 1 - best / m;
}

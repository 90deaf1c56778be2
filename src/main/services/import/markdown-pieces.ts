import type { Marked, Token, TokensList } from 'marked';

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** HTML blocks that may hold blank lines (CommonMark types 1 to 5), with what ends each. */
const RAW_HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];
/** A line that may go on with the block before it even after a blank line: indented, or a list item. */
const CONTINUATION = /^(?:\s|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * Offsets where `body` can be cut into pieces of at least `size` characters that lex, one by one,
 * into the tokens the whole would: a line that starts a top-level block after a blank line (not
 * indented, not a list item), outside fenced code and HTML blocks that may hold blank lines.
 * A document with no such place stays whole.
 */
export function pieceBreaks(body: string, size: number): number[] {
  const breaks: number[] = [];
  let from = 0;
  let fence: { char: string; length: number } | null = null;
  let rawEnd: RegExp | null = null;
  let blankBefore = false;
  for (let start = 0; start < body.length;) {
    const newline = body.indexOf('\n', start);
    const end = newline < 0 ? body.length : newline;
    const line = body.slice(start, end);
    const inside = fence !== null || rawEnd !== null;
    if (fence) {
      const match = FENCE.exec(line);
      if (match?.[1]?.[0] === fence.char && match[1].length >= fence.length && !match[2]?.trim())
        fence = null;
    } else if (rawEnd) {
      if (rawEnd.test(line)) rawEnd = null;
    } else if (blankBefore && start - from >= size && line.trim() && !CONTINUATION.test(line)) {
      breaks.push(start);
      from = start;
    }
    if (!inside) {
      const match = FENCE.exec(line);
      if (match?.[1] && !(match[1][0] === '`' && match[2]?.includes('`')))
        fence = { char: match[1][0] as string, length: match[1].length };
      else {
        const raw = RAW_HTML_BLOCKS.find(([opens]) => opens.test(line));
        if (raw && !raw[1].test(line.slice(line.indexOf('<') + 1))) rawEnd = raw[1];
      }
    }
    blankBefore = !line.trim();
    start = end + 1;
  }
  return breaks;
}

/**
 * Lexes a Markdown body with `marked`'s options piece by piece (see pieceBreaks), so that only one
 * piece's tokens are alive at a time. Link reference definitions are gathered from the whole body
 * first when it has any, so a reference resolves wherever its definition is.
 */
export function* lexPieces(marked: Marked, body: string, size: number): Generator<Token[]> {
  const breaks = body.length > size ? pieceBreaks(body, size) : [];
  const pieces = [0, ...breaks, body.length];
  const links: TokensList['links'] = Object.create(null) as TokensList['links'];
  if (breaks.length > 0 && DEFINITION.test(body)) {
    for (let i = 0; i + 1 < pieces.length; i++) {
      const lexer = new marked.Lexer(marked.defaults);
      lexer.tokens.links = links;
      lexer.blockTokens(body.slice(pieces[i], pieces[i + 1]), lexer.tokens);
    }
  }
  try {
    for (let i = 0; i + 1 < pieces.length; i++) {
      const lexer = new marked.Lexer(marked.defaults);
      lexer.tokens.links = links;
      yield lexer.lex(body.slice(pieces[i], pieces[i + 1]));
    }
  } finally {
    // marked's shared tokenizer keeps the last lexer, whose tokens are slices of the body: an empty
    // lexer takes its place, so the body is freed once converted.
    void new marked.Lexer(marked.defaults);
  }
}

import { MAX_HTML_DEPTH, tooDeep } from '../limits';

const LESS_THAN = 60;
const GREATER_THAN = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** The index just past the first `close` at or after `from`, or the text's length when there is none. */
function past(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/**
 * Refuses XML whose elements nest deeper than MAX_HTML_DEPTH (1 for the root alone), read from the text
 * before any parser builds a tree of it: start tags open a level, end tags close one, empty-element tags,
 * comments, CDATA sections, processing instructions and declarations none, and a `>` inside a quoted
 * attribute value ends nothing. For well-formed XML this is the tree's depth; for text that is not, the
 * XML parser stops at the first mismatched end tag, so it never nests deeper than counted here. One pass
 * over the markup, skipping text with `indexOf`.
 * @throws GlossError('too-complex') naming the limit.
 */
export function checkXmlDepth(text: string): void {
  let depth = 0;
  let at = text.indexOf('<');
  while (at >= 0) {
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      depth--;
      at = past(text, '>', at);
    } else if (next === QUESTION) at = past(text, '?>', at + 2);
    else if (next === BANG) {
      if (text.startsWith('<!--', at)) at = past(text, '-->', at + 4);
      else if (text.startsWith('<![CDATA[', at)) at = past(text, ']]>', at + 9);
      else at = past(text, '>', at);
    } else {
      let end = at + 1;
      for (let quote = 0; end < text.length; end++) {
        const char = text.charCodeAt(end);
        if (quote !== 0) {
          if (char === quote) quote = 0;
        } else if (char === DOUBLE_QUOTE || char === SINGLE_QUOTE) quote = char;
        else if (char === GREATER_THAN || char === LESS_THAN) break;
      }
      if (text.charCodeAt(end - 1) !== SLASH && ++depth > MAX_HTML_DEPTH)
        throw tooDeep(`more than ${MAX_HTML_DEPTH} levels`, MAX_HTML_DEPTH);
      at = end;
    }
    at = text.indexOf('<', at);
  }
}

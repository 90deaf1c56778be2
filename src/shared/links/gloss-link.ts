/**
 * A place in the library a `gloss://` link names: an article, one highlight of it, or a position (a UTF-16
 * offset into its canonical text).
 */
export type LinkTarget =
  | { kind: 'article'; articleId: string }
  | { kind: 'highlight'; articleId: string; highlightId: string }
  | { kind: 'position'; articleId: string; offset: number };

/** The scheme Gloss registers itself for. */
export const GLOSS_SCHEME = 'gloss:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ARTICLE_PATH = /^\/\/article\/([^/?#]+)\/?$/;
const ROUTE_PATH = /^#?\/article\/([^/?#&]+)/;

/** The parameters of a query ("a=1&b=2"), decoded; the first of a repeated name wins. */
function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const [name = '', value = ''] = pair.split('=', 2);
    try {
      const key = decodeURIComponent(name);
      if (key && !params.has(key)) params.set(key, decodeURIComponent(value));
    } catch {
      // A malformed escape is no parameter of ours.
    }
  }
  return params;
}

function targetOf(id: string, params: Map<string, string>): LinkTarget | null {
  const articleId = id.toLowerCase();
  if (!UUID.test(articleId)) return null;
  const highlightId = params.get('h');
  if (highlightId !== undefined) {
    return UUID.test(highlightId)
      ? { kind: 'highlight', articleId, highlightId: highlightId.toLowerCase() }
      : null;
  }
  const at = params.get('at');
  if (at !== undefined) {
    const offset = Number(at);
    return /^\d{1,10}$/.test(at) && Number.isSafeInteger(offset)
      ? { kind: 'position', articleId, offset }
      : null;
  }
  return { kind: 'article', articleId };
}

/**
 * Reads a link to a place in the library: `gloss://article/<id>`, `gloss://article/<id>?h=<highlightId>`
 * or `gloss://article/<id>?at=<offset>`; also the web host's address fragment for the same place
 * (`#/article/<id>?h=<highlightId>`, other parameters such as a token ignored). Ids are UUIDs, compared
 * in lower case.
 * @returns the target, or null when the text is no such link (another scheme, a malformed id or offset).
 */
export function parseGlossLink(link: string): LinkTarget | null {
  const text = link.trim();
  if (text.toLowerCase().startsWith(GLOSS_SCHEME)) {
    const rest = text.slice(GLOSS_SCHEME.length);
    const query = rest.indexOf('?');
    const [path, search] = query < 0 ? [rest, ''] : [rest.slice(0, query), rest.slice(query + 1)];
    const match = ARTICLE_PATH.exec(path.replace(/#.*$/, ''));
    return match ? targetOf(match[1]!, queryParams(search.replace(/#.*$/, ''))) : null;
  }
  const fragment = text.slice(text.indexOf('#') + 1);
  const match = ROUTE_PATH.exec(fragment.startsWith('/') ? fragment : `/${fragment}`);
  if (!match || !text.includes('#')) return null;
  const after = fragment.slice(fragment.indexOf(match[1]!) + match[1]!.length).replace(/^[?&]/, '');
  return targetOf(match[1]!, queryParams(after));
}

/** The `gloss://` link of a place: `gloss://article/<id>`, with `?h=<highlightId>` or `?at=<offset>`. */
export function glossLink(target: LinkTarget): string {
  const base = `gloss://article/${target.articleId}`;
  if (target.kind === 'highlight') return `${base}?h=${target.highlightId}`;
  if (target.kind === 'position') return `${base}?at=${target.offset}`;
  return base;
}

/**
 * The web host's address fragment for a place (its existing routes): `#/article/<id>`, with
 * `?h=<highlightId>` for a highlight, `?at=<offset>` for a position.
 */
export function routeHash(target: LinkTarget): string {
  return `#/${glossLink(target).slice('gloss://'.length)}`;
}

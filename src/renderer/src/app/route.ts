/**
 * Where the app is, as kept in the address's fragment: `#/` for the library, `#/article/<id>` for an open
 * article, `#/article/<id>?h=<highlightId>` with a highlight selected and `#/article/<id>?at=<offset>`
 * opened at a position of its text (UTF-16 units). Other fragment parameters
 * (such as a `token=…` the host put there) are kept as they are, after the route and an "&".
 */
export type Route = { kind: 'library' } | { kind: 'article'; id: string; highlight?: string; at?: number };

/** A fragment read as a route and the parameters that are not part of it. */
export interface ParsedHash {
  route: Route;
  rest: URLSearchParams;
}

const ARTICLE_PATH = /^\/article\/([^/?#]+)$/;

/** Reads `location.hash` (with or without its "#"); anything unknown is the library. */
export function parseHash(hash: string): ParsedHash {
  const text = hash.replace(/^#/, '');
  const end = text.search(/[?&]/);
  const [path, query] = !text.startsWith('/')
    ? ['', text]
    : end < 0
      ? [text, '']
      : [text.slice(0, end), text.slice(end + 1)];
  const rest = new URLSearchParams(query);
  const highlight = rest.get('h') ?? undefined;
  const atText = rest.get('at');
  const at = atText !== null && /^\d{1,15}$/.test(atText) ? Number(atText) : undefined;
  rest.delete('h');
  rest.delete('at');
  const match = ARTICLE_PATH.exec(path ?? '');
  const id = match?.[1] && decodeURIComponent(match[1]);
  const route: Route = id
    ? { kind: 'article', id, ...(highlight && { highlight }), ...(at !== undefined && { at }) }
    : { kind: 'library' };
  return { route, rest };
}

/** The fragment for `route`, with the other parameters `rest` kept after it. */
export function formatHash(route: Route, rest: URLSearchParams = new URLSearchParams()): string {
  const others = rest.toString();
  if (route.kind === 'library') return others ? `#${others}` : '#/';
  const path = `#/article/${encodeURIComponent(route.id)}`;
  // "&" before other parameters, so that reading the fragment as parameters still finds them.
  const own = route.highlight
    ? `?h=${encodeURIComponent(route.highlight)}`
    : route.at !== undefined
      ? `?at=${route.at}`
      : '';
  return `${path}${own}${others ? `&${others}` : ''}`;
}

/** True when two routes name the same screen (an article, whatever highlight is selected in it). */
export function sameScreen(a: Route, b: Route): boolean {
  return a.kind === b.kind && (a.kind === 'library' || a.id === (b as { id: string }).id);
}

/**
 * Takes the web host's launch token out of a fragment (`token=…`, wherever it stands among the
 * parameters), keeping the route and the other parameters: the token and the fragment left, with its
 * "#" ("" when nothing is left); the token is null when there is none.
 */
export function takeToken(hash: string): { token: string | null; hash: string } {
  const { route, rest } = parseHash(hash);
  const token = rest.get('token');
  if (token === null) return { token: null, hash };
  rest.delete('token');
  const left = formatHash(route, rest);
  return { token, hash: left === '#/' ? '' : left };
}

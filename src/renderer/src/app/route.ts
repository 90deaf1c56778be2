/**
 * Where the app is, as kept in the address's fragment: `#/` for the library, `#/article/<id>` for an open
 * article and `#/article/<id>?h=<highlightId>` with a highlight selected. Other fragment parameters
 * (such as a `token=…` the host put there) are kept as they are, after the route and an "&".
 */
export type Route = { kind: 'library' } | { kind: 'article'; id: string; highlight?: string };

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
  rest.delete('h');
  const match = ARTICLE_PATH.exec(path ?? '');
  const id = match?.[1] && decodeURIComponent(match[1]);
  return { route: id ? { kind: 'article', id, ...(highlight && { highlight }) } : { kind: 'library' }, rest };
}

/** The fragment for `route`, with the other parameters `rest` kept after it. */
export function formatHash(route: Route, rest: URLSearchParams = new URLSearchParams()): string {
  const others = rest.toString();
  if (route.kind === 'library') return others ? `#${others}` : '#/';
  const path = `#/article/${encodeURIComponent(route.id)}`;
  // "&" before other parameters, so that reading the fragment as parameters still finds them.
  const own = route.highlight ? `?h=${encodeURIComponent(route.highlight)}` : '';
  return `${path}${own}${others ? `&${others}` : ''}`;
}

/** True when two routes name the same screen (an article, whatever highlight is selected in it). */
export function sameScreen(a: Route, b: Route): boolean {
  return a.kind === b.kind && (a.kind === 'library' || a.id === (b as { id: string }).id);
}

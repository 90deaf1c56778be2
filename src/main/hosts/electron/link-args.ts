import { GLOSS_SCHEME, parseGlossLink, routeHash } from '../../../shared/links/gloss-link';

/** The scheme Gloss registers itself as the handler of, without its colon. */
export const LINK_SCHEME = GLOSS_SCHEME.slice(0, -1);

/**
 * The renderer route (`#/article/<id>…`) of the `gloss://` link a launch was given: Windows and Linux pass
 * the link as a command-line argument, to the first instance or, through `second-instance`, with the
 * second one's whole argv (Chromium switches and `--library DIR` among them). Only a whole argument
 * counts (a switch's value is not a link); the last link wins.
 * @returns the route, or null when there is no link, or none Gloss can read.
 */
export function routeFromArgv(argv: readonly string[]): string | null {
  let route: string | null = null;
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(GLOSS_SCHEME)) continue;
    const target = parseGlossLink(arg);
    if (target) route = routeHash(target);
  }
  return route;
}

/**
 * The arguments of `app.setAsDefaultProtocolClient` for this process: none for a packaged app; when run
 * as `electron path/to/app` during development (`process.defaultApp`), the executable and the app's
 * path, so that the system starts the same app with the link.
 */
export function protocolClientArgs(
  defaultApp: boolean,
  execPath: string,
  argv: readonly string[],
  resolve: (p: string) => string,
): { executable?: string; args?: string[] } {
  const appPath = argv[1];
  if (!defaultApp || appPath === undefined) return {};
  return { executable: execPath, args: [resolve(appPath)] };
}

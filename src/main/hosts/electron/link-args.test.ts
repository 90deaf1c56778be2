import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolClientArgs, routeFromArgv } from './link-args';

const ARTICLE = '3b241101-e2bb-4255-8caf-4136c566a962';
const HIGHLIGHT = '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

describe('a link handed to Gloss on its command line', () => {
  it('finds the link among Chromium switches and --library, as a second launch passes them', () => {
    const argv = [
      'C:\\Program Files\\Gloss\\Gloss.exe',
      '--allow-file-access-from-files',
      '--library',
      'D:\\Thư viện',
      `gloss://article/${ARTICLE}?h=${HIGHLIGHT}`,
    ];
    expect(routeFromArgv(argv)).toBe(`#/article/${ARTICLE}?h=${HIGHLIGHT}`);
  });

  it('maps a position and an article onto their routes, upper-case scheme and ids included', () => {
    expect(routeFromArgv(['/opt/Gloss/gloss', `gloss://article/${ARTICLE}?at=1200`])).toBe(
      `#/article/${ARTICLE}?at=1200`,
    );
    expect(routeFromArgv(['gloss', `GLOSS://article/${ARTICLE.toUpperCase()}`])).toBe(`#/article/${ARTICLE}`);
  });

  it('ignores a launch without a link, a malformed link and a switch that merely contains one', () => {
    expect(routeFromArgv(['/opt/Gloss/gloss', '--library', '/home/me/Gloss'])).toBeNull();
    expect(routeFromArgv(['gloss', 'gloss://article/not-an-id'])).toBeNull();
    expect(routeFromArgv(['gloss', `gloss://article/${ARTICLE}?h=nope`])).toBeNull();
    expect(routeFromArgv(['gloss', `--open=gloss://article/${ARTICLE}`])).toBeNull();
  });

  it('registers the packaged app as it is, and a development run with its app path', () => {
    expect(protocolClientArgs(false, '/opt/Gloss/gloss', ['/opt/Gloss/gloss'], path.resolve)).toEqual({});
    expect(
      protocolClientArgs(true, '/usr/lib/electron/electron', ['/usr/lib/electron/electron', '.'], (p) =>
        path.posix.resolve('/work/gloss', p),
      ),
    ).toEqual({ executable: '/usr/lib/electron/electron', args: ['/work/gloss'] });
  });
});

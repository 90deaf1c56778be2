import { describe, expect, it } from 'vitest';
import { glossLink, parseGlossLink, routeHash, type LinkTarget } from './gloss-link';

const A = '6f1c1a9e-7d7b-4f7e-9a51-2b8e5f3c0d11';
const H = 'aaaaaaaa-0000-4000-8000-000000000001';

describe('gloss:// links', () => {
  const targets: LinkTarget[] = [
    { kind: 'article', articleId: A },
    { kind: 'highlight', articleId: A, highlightId: H },
    { kind: 'position', articleId: A, offset: 1234 },
  ];

  it.each(targets)('writes and reads back a link to an %s', (target) => {
    expect(parseGlossLink(glossLink(target))).toEqual(target);
  });

  it('writes the links and web routes the app and the export use', () => {
    expect(targets.map(glossLink)).toEqual([
      `gloss://article/${A}`,
      `gloss://article/${A}?h=${H}`,
      `gloss://article/${A}?at=1234`,
    ]);
    expect(targets.map(routeHash)).toEqual([
      `#/article/${A}`,
      `#/article/${A}?h=${H}`,
      `#/article/${A}?at=1234`,
    ]);
  });

  it('reads the web host address of the same place, token and all', () => {
    expect(parseGlossLink(`http://127.0.0.1:4000/#/article/${A}?h=${H}&token=abc`)).toEqual(targets[1]);
    expect(parseGlossLink(`#/article/${A.toUpperCase()}`)).toEqual(targets[0]);
  });

  it('refuses what is no link to a place in the library', () => {
    for (const text of [
      'https://example.org/',
      'gloss://library',
      'gloss://article/not-a-uuid',
      `gloss://article/${A}?h=123`,
      `gloss://article/${A}?at=-4`,
      `gloss://article/${A}/extra`,
      '#/',
    ]) {
      expect(parseGlossLink(text)).toBeNull();
    }
  });
});

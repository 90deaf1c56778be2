import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, sameScreen, takeToken } from './route';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('routes in the address fragment', () => {
  it('reads and writes the library, an article and a selected highlight', () => {
    expect(parseHash('').route).toEqual({ kind: 'library' });
    expect(parseHash('#/').route).toEqual({ kind: 'library' });
    expect(parseHash(`#/article/${ID}`).route).toEqual({ kind: 'article', id: ID });
    expect(parseHash(`#/article/${ID}?h=abc`).route).toEqual({ kind: 'article', id: ID, highlight: 'abc' });
    expect(formatHash({ kind: 'article', id: ID, highlight: 'abc' })).toBe(`#/article/${ID}?h=abc`);
    expect(formatHash({ kind: 'library' })).toBe('#/');
  });

  it('reads a position to open an article at, and drops one that is not a whole number', () => {
    expect(parseHash(`#/article/${ID}?at=1234`).route).toEqual({ kind: 'article', id: ID, at: 1234 });
    expect(parseHash(`#/article/${ID}?at=-3`).route).toEqual({ kind: 'article', id: ID });
    expect(parseHash(`#/article/${ID}?at=12abc&token=t`)).toMatchObject({
      route: { kind: 'article', id: ID },
    });
    expect(parseHash(`#/article/${ID}?at=5&token=t`).rest.toString()).toBe('token=t');
  });

  it('takes the launch token out of a link’s address and keeps the place it names', () => {
    expect(takeToken('#token=s3cret')).toEqual({ token: 's3cret', hash: '' });
    expect(takeToken(`#/article/${ID}?h=abc&token=s3cret`)).toEqual({
      token: 's3cret',
      hash: `#/article/${ID}?h=abc`,
    });
    expect(takeToken(`#/article/${ID}&token=s3cret`)).toEqual({ token: 's3cret', hash: `#/article/${ID}` });
    expect(takeToken(`#/article/${ID}?at=40&token=t`)).toEqual({ token: 't', hash: `#/article/${ID}?at=40` });
    expect(takeToken(`#/article/${ID}?h=abc`)).toEqual({ token: null, hash: `#/article/${ID}?h=abc` });
  });

  it('keeps a token the host put in the fragment, readable as a fragment parameter', () => {
    const { route, rest } = parseHash('#token=s3cret');
    expect(route).toEqual({ kind: 'library' });
    const hash = formatHash({ kind: 'article', id: ID }, rest);
    expect(hash).toBe(`#/article/${ID}&token=s3cret`);
    expect(formatHash({ kind: 'article', id: ID, highlight: 'h1' }, rest)).toBe(
      `#/article/${ID}?h=h1&token=s3cret`,
    );
    expect(new URLSearchParams(hash.slice(1)).get('token')).toBe('s3cret');
    expect(parseHash(hash)).toMatchObject({ route: { kind: 'article', id: ID } });
    expect(formatHash({ kind: 'library' }, parseHash(hash).rest)).toBe('#token=s3cret');
  });

  it('treats the same article with another highlight as the same screen', () => {
    expect(sameScreen({ kind: 'article', id: ID }, { kind: 'article', id: ID, highlight: 'x' })).toBe(true);
    expect(sameScreen({ kind: 'article', id: ID }, { kind: 'library' })).toBe(false);
  });
});

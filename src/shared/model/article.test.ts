import { describe, expect, it } from 'vitest';
import { blockOriginSchema } from './article';

describe('blockOriginSchema', () => {
  it('accepts runs that name their node or follow on in the same one', () => {
    const origin = {
      doc: '/6/4[ch1]',
      at: '/4/2',
      runs: [
        [0, '/1', 0],
        [12, 14],
        [20, '/3', 2],
      ],
    };
    expect(blockOriginSchema.parse(origin)).toEqual(origin);
  });

  it.each([
    ['a negative offset', [[-1, '/1', 0]]],
    ['a fractional offset', [[0, 1.5]]],
    ['steps that are not text', [[0, 3, 0]]],
    ['a run of one number', [[0]]],
    ['a run of four', [[0, '/1', 0, 1]]],
    ['runs that are not a list', { 0: [0, 0] }],
  ])('refuses %s', (_, runs) => {
    expect(blockOriginSchema.safeParse({ runs }).success).toBe(false);
  });
});

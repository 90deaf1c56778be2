import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/search/query';
import { needsOf, planQuery, WEIGHT, wordWeights } from './query-plan';
import { Vocabulary } from './vocabulary';

const vocabulary = new Vocabulary();
vocabulary.add(['dang', 'dan', 'dung', 'nang', 'nguyen', 'nguyet']);

describe('planQuery', () => {
  it('completes the word being typed and corrects an unknown long word, at lower weights', () => {
    const plan = planQuery(parseQuery('nguyenn da'), vocabulary);
    expect(plan.items.map((item) => [...item.words])).toEqual([
      [
        ['nguyenn', WEIGHT.exact],
        ['nguyen', WEIGHT.correction],
      ],
      [
        ['da', WEIGHT.exact],
        ['dan', WEIGHT.completion],
        ['dang', WEIGHT.completion],
      ],
    ]);
    expect('ong nguyen da den'.match(plan.pattern)?.[0]).toBe('nguyen');
  });

  it('keeps a phrase as one sequence, with a pattern of its own', () => {
    const plan = planQuery(parseQuery('"da nang" dang '), vocabulary);
    expect(plan.items.map((item) => [item.sequences, item.phrase])).toEqual([
      [[['dang']], false],
      [[['da', 'nang']], true],
    ]);
    expect(plan.itemsOf).toEqual(
      new Map([
        ['dang', [0]],
        ['da nang', [1]],
      ]),
    );
    expect(plan.phrasePatterns.get('da nang')?.test('o da nang')).toBe(true);
    expect(plan.phrasePatterns.has('dang')).toBe(false);
  });

  it('matches the tags when the query has filters only', () => {
    const plan = planQuery(parseQuery('tag:"Đà Nẵng"'), vocabulary);
    expect(plan.items).toEqual([]);
    expect('tag da nang'.match(plan.pattern)?.[0]).toBe('da nang');
  });
});

describe('needsOf and wordWeights', () => {
  it('needs any word of a word item and every word of a phrase, each word at its highest weight', () => {
    const items = planQuery(parseQuery('dan "dang dan"'), vocabulary).items;
    expect(needsOf(items)).toEqual({
      needs: new Map([
        ['dan', [0, 2]],
        ['dang', [1]],
      ]),
      count: 3,
    });
    expect(wordWeights(items)).toEqual(
      new Map([
        ['dan', WEIGHT.exact],
        ['dang', WEIGHT.exact],
      ]),
    );
  });
});

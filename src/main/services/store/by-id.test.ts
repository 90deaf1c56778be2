import { describe, expect, it } from 'vitest';
import { RecordsById } from './by-id';

const record = (id: string, value = 0) => ({ id, value });

describe('RecordsById', () => {
  it('finds records pushed after the first lookup, in the order of the ids asked', () => {
    const byId = new RecordsById<{ id: string; value: number }>();
    const list = [record('a'), record('b')];
    expect(byId.find(list, ['b']).map((r) => r.id)).toEqual(['b']);
    list.push(record('c'), record('d'));
    expect(byId.find(list, ['d', 'a', 'c', 'd']).map((r) => r.id)).toEqual(['d', 'a', 'c']);
  });

  it('answers as a scan would after records are replaced, removed or reordered in place', () => {
    const byId = new RecordsById<{ id: string; value: number }>();
    const list = [record('a'), record('b'), record('c')];
    expect(byId.find(list, ['a', 'b', 'c'])).toHaveLength(3);
    list[1] = record('x', 1);
    expect(byId.find(list, ['x', 'b'])).toEqual([record('x', 1)]);
    list.splice(0, 1);
    expect(byId.find(list, ['c', 'a', 'x']).map((r) => r.id)).toEqual(['c', 'x']);
    list.reverse();
    expect(byId.find(list, ['x'])).toEqual([record('x', 1)]);
    expect(byId.find([], ['x'])).toEqual([]);
  });
});

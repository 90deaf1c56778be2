import { describe, expect, it } from 'vitest';
import { DocTable, NONE } from './doc-table';
import { emptyMiniSearch } from './documents';

describe('DocTable', () => {
  it("follows MiniSearch's documents through adds, discards and a new MiniSearch", () => {
    const mini = emptyMiniSearch();
    const table = new DocTable();
    mini.addAll([
      { id: 'b:a', text: 'son tra ban dao' },
      { id: 'n:a 1', notes: 'ghi chu', labels: 'rung' },
    ]);
    table.sync(mini);
    const article = (short: number) =>
      table.owner[short] === NONE ? undefined : table.articleId(table.owner[short] as number);
    expect([article(0), article(1)]).toEqual(['a', 'a']);
    expect(table.lengths[0 * table.fieldCount + 3]).toBe(4);

    mini.add({ id: 'b:b', text: 'hai phong' });
    table.sync(mini);
    expect(article(2)).toBe('b');

    mini.discard('n:a 1');
    mini.add({ id: 'n:a 1', notes: 'ghi chu moi' });
    table.sync(mini);
    expect([article(0), article(1), article(2), article(3)]).toEqual(['a', undefined, 'b', 'a']);
    expect(table.lengths[3 * table.fieldCount + 4]).toBe(3);

    const other = emptyMiniSearch();
    other.add({ id: 'b:c', text: 'da nang' });
    table.sync(other);
    expect([article(0), article(1)]).toEqual(['c', undefined]);
  });
});

import { describe, expect, it } from 'vitest';
import { BOOST, emptyMiniSearch, type Field } from './documents';
import { DocTable } from './doc-table';
import { scoreTerms } from './postings';

const DOCS = [
  { id: 'b:a', title: 'son tra', author: '', tags: '', text: 'ban dao son tra da nang son tra rung' },
  { id: 'b:b', title: 'hai phong', author: 'nguyen van a', tags: 'bien', text: 'cang hai phong dang lon' },
  { id: 'n:a 1', notes: 'ghi chu ve son tra', labels: 'rung' },
  { id: 'n:b 2', notes: 'dang chu y', labels: '' },
  { id: 'n:b 3', notes: 'son la', labels: 'dang' },
];

/** The documents, the last discarded (its postings stay until MiniSearch vacuums them). */
function index() {
  const mini = emptyMiniSearch();
  mini.addAll(DOCS);
  mini.discard('n:b 3');
  return mini;
}

describe('scoreTerms', () => {
  it("gives every document MiniSearch's score for an OR of weighted terms, as if discarded ones were vacuumed", () => {
    const mini = index();
    const clean = emptyMiniSearch();
    clean.addAll(DOCS.slice(0, -1));
    const weights = new Map([
      ['son', 1],
      ['tra', 1],
      ['dang', 0.5],
      ['rung', 0.4],
    ]);
    const fields: Field[] = ['title', 'author', 'tags', 'text', 'notes', 'labels'];
    const expected = clean.search(
      { combineWith: 'OR', queries: [...weights.keys()] },
      { fields, boostTerm: (term) => weights.get(term) ?? 1 },
    );
    const seen: string[] = [];
    const terms = [...weights.keys()];
    const idOf = (short: number) => mini.toJSON().documentIds[short] as string;
    const { docs, score } = scoreTerms(
      mini,
      new DocTable(),
      terms,
      fields,
      (field) => BOOST[field] ?? 1,
      (term) => weights.get(term) ?? 1,
      (short, term) => seen.push(`${idOf(short)} ${terms[term]}`),
    );
    const scores = new Map(docs.map((short) => [idOf(short), score[short]]));
    expect([...scores.keys()].sort()).toEqual(expected.map((r) => String(r.id)).sort());
    for (const result of expected) expect(scores.get(String(result.id))).toBeCloseTo(result.score, 10);
    expect(seen).toContain('n:a 1 rung');
    expect(seen.filter((s) => s.startsWith('n:b 3'))).toEqual([]);
  });
});

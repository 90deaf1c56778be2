import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../shared/model/annotation';
import { HybridClock } from './clock';
import { mergeShard } from './merge';
import { heldReading, ownPart } from './own-part';
import { SCHEMA_VERSION, type ShardFile } from './schemas';
import { stampShard } from './stamps';
import { articleMeta } from './testing/fixtures';

const ARTICLE = articleMeta().id;
const IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const DEVICES = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];

type Op =
  | { device: number; kind: 'create' | 'delete'; id: number }
  | { device: number; kind: 'color'; id: number; color: number }
  | { device: number; kind: 'note'; id: number | null; text: string }
  | { device: number; kind: 'sync'; from: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    device: fc.nat(2),
    kind: fc.constantFrom('create' as const, 'delete' as const),
    id: fc.nat(1),
  }),
  fc.record({ device: fc.nat(2), kind: fc.constant('color' as const), id: fc.nat(1), color: fc.nat(7) }),
  fc.record({
    device: fc.nat(2),
    kind: fc.constant('note' as const),
    id: fc.option(fc.nat(1)),
    text: fc.constantFrom('một', 'hai', 'ba', ''),
  }),
  fc.record({ device: fc.nat(2), kind: fc.constant('sync' as const), from: fc.nat(2) }),
);

const empty = (): ShardFile => ({
  schemaVersion: SCHEMA_VERSION,
  articleId: ARTICLE,
  note: '',
  annotations: [],
});

function highlight(id: string): Annotation {
  return {
    id,
    articleId: ARTICLE,
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'Sơn', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 3 },
    },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

/** Runs the operations on three devices, each stamping its writes as the store does; returns each device's file. */
function run(ops: Op[]): ShardFile[] {
  const files = DEVICES.map(empty);
  const clocks = DEVICES.map((id) => new HybridClock(id));
  const write = (index: number) =>
    stampShard(files[index] as ShardFile, 'all', clocks[index] as HybridClock, DEVICES[index] as string);
  for (const step of ops) {
    const file = files[step.device] as ShardFile;
    if (step.kind === 'sync') {
      write(step.from);
      write(step.device);
      mergeShard(file, structuredClone(files[step.from] as ShardFile));
      continue;
    }
    const id = IDS[step.kind === 'note' ? (step.id ?? 0) : step.id] as string;
    const record = file.annotations.find((a) => a.id === id);
    if (step.kind === 'create' && !record) file.annotations.push(highlight(id));
    if (step.kind === 'delete' && record) record.deleted = true;
    if (step.kind === 'color' && record) record.color = HIGHLIGHT_COLORS[step.color] ?? 'red';
    if (step.kind === 'note') {
      if (step.id === null) file.note = step.text;
      else if (record) record.note = step.text;
    }
    write(step.device);
  }
  return files;
}

/** What a person sees of a merged shard: highlights by id (dates aside) and the article's note. */
function seen(file: ShardFile): unknown {
  return {
    note: file.note,
    annotations: [...file.annotations]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(({ updatedAt: _, ...rest }) => rest),
  };
}

/** `files` joined one by one into an empty shard, in `order` (indexes into `files`; default: as listed). */
function joined(files: ShardFile[], order: number[] = files.map((_, i) => i)): ShardFile {
  return order.reduce(
    (merged, index) => mergeShard(merged, structuredClone(files[index] as ShardFile)),
    empty(),
  );
}

describe('merging the files of several devices', () => {
  it('gives the same state whatever order the device files are joined in', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 25 }),
        fc.array(fc.nat(2), { minLength: 3, maxLength: 6 }),
        (ops, order) => {
          const files = run(ops);
          const forward = joined(files);
          const shuffled = joined(files, [...order, 0, 1, 2]);
          const backward = joined([...files].reverse());
          expect(seen(shuffled)).toEqual(seen(forward));
          expect(seen(backward)).toEqual(seen(forward));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same state from the files each device writes (its own part) as from whole copies, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 25 }),
        fc.array(fc.nat(2), { minLength: 3, maxLength: 6 }),
        (ops, order) => {
          const files = run(ops);
          // Each device writes in turn, dropping what the files already written by the others hold.
          const written: ShardFile[] = [];
          files.forEach((file, index) => {
            const held = new Map(
              written.map((other, j) => [DEVICES[j] as string, heldReading(other, DEVICES[j] as string)]),
            );
            written.push(structuredClone(ownPart(file, DEVICES[index] as string, held)));
          });
          const whole = joined(files);
          const parts = joined(written, [...order, 0, 1, 2]);
          const backward = joined([...written].reverse());
          expect(seen(parts)).toEqual(seen(whole));
          expect(seen(backward)).toEqual(seen(whole));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps each note’s versions and version vectors bounded by the number of devices, however many edits', () => {
    const size = (files: ShardFile[]) =>
      Math.max(...files.map((file) => JSON.stringify(file.sync?.notes).length));
    const edits = (rounds: number): Op[] =>
      Array.from({ length: rounds }, (_, round): Op[] => [
        { device: round % 3, kind: 'note', id: 0, text: ['một', 'hai', 'ba'][round % 3] ?? '' },
        { device: (round + 1) % 3, kind: 'note', id: null, text: `vòng ${round % 7}` },
        { device: (round + 2) % 3, kind: 'sync', from: round % 3 },
        { device: round % 3, kind: 'sync', from: (round + 1) % 3 },
      ]).flat();
    const start: Op[] = [{ device: 0, kind: 'create', id: 0 }];
    const few = run([...start, ...edits(30)]);
    const many = run([...start, ...edits(3000)]);
    for (const file of many) {
      for (const note of Object.values(file.sync?.notes ?? {})) {
        expect(note.heads.length).toBeLessThanOrEqual(DEVICES.length);
        for (const head of note.heads)
          expect(Object.keys(head.vv).length).toBeLessThanOrEqual(DEVICES.length);
      }
    }
    // One entry per device that edited, each its latest reading: 100 times the edits, the same size (readings' digits aside).
    expect(size(many)).toBeLessThanOrEqual(size(few) + 64);
    fc.assert(
      fc.property(fc.array(op, { minLength: 50, maxLength: 120 }), (ops) => {
        for (const file of run(ops)) {
          for (const note of Object.values(file.sync?.notes ?? {})) {
            for (const head of note.heads)
              expect(Object.keys(head.vv).length).toBeLessThanOrEqual(DEVICES.length);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never resurrects a deletion on a device that had not seen it, and keeps both notes edited apart', () => {
    const [a, b] = run([
      { device: 0, kind: 'create', id: 0 },
      { device: 1, kind: 'sync', from: 0 },
      { device: 0, kind: 'delete', id: 0 },
      { device: 1, kind: 'color', id: 0, color: 3 },
      { device: 0, kind: 'note', id: null, text: 'một' },
      { device: 1, kind: 'note', id: null, text: 'hai' },
    ]) as [ShardFile, ShardFile];
    const merged = mergeShard(structuredClone(a), structuredClone(b));
    expect(merged.annotations[0]).toMatchObject({ deleted: true, color: 'blue' });
    expect(merged.note).toContain('một');
    expect(merged.note).toContain('hai');
  });
});

import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { Computers, syncDevice } from './testing/computers';
import { ARTICLE_TEXT, articleMeta, tempDir } from './testing/fixtures';

/** Other devices' files decoded, by device folder name and file kind. */
const decoded = vi.hoisted(() => new Map<string, number>());

vi.mock('./devices', async (original) => {
  const actual = await original<typeof import('./devices')>();
  const counted = <S extends { decode(): unknown }>(key: string, source: S | null) => {
    if (!source) return null;
    const decode = source.decode.bind(source);
    source.decode = () => {
      decoded.set(key, (decoded.get(key) ?? 0) + 1);
      return decode();
    };
    return source;
  };
  return {
    ...actual,
    shardBytesAt: async (folder: string, articleId: string) =>
      counted(`${path.basename(folder)}/shard`, await actual.shardBytesAt(folder, articleId)),
    libraryBytesAt: async (folder: string, name?: string) =>
      counted(`${path.basename(folder)}/library`, await actual.libraryBytesAt(folder, name)),
  };
});

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const ID = articleMeta().id;
const { openAs, closeAll } = new Computers();
const target = (start: number, end: number) => describeRange(ARTICLE_TEXT, start, end);

beforeEach(() => decoded.clear());
afterEach(closeAll);

const libraryOf = (dir: string, deviceId: string) =>
  path.join(dir, '.gloss', 'devices', deviceId, 'library.json');

describe("another computer's files that bring nothing new", () => {
  it('library.json is decoded once, not at every open, until this computer’s own one changes', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const a = await openAs(one, A);
    await a.putArticle(articleMeta());
    const first = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await closeAll();
    const older = `${libraryOf(one, A)}.older`;
    copyFileSync(libraryOf(one, A), older);
    const second = await (
      await openAs(one, A)
    ).createAnnotation({
      articleId: ID,
      target: target(5, 9),
      color: 'green',
    });
    await closeAll();
    syncDevice(one, two, A);
    // B merges A's files and writes its own: they now hold only what A has.
    await (await openAs(two, B)).listAnnotations(ID);
    await closeAll();
    syncDevice(two, one, B);

    const ids = async () => (await (await openAs(one, A)).listAnnotations(ID)).map((x) => x.id).sort();
    expect(await ids()).toEqual([first.id, second.id].sort());
    await closeAll();
    expect(decoded.get(`${B}/shard`)).toBe(1);
    expect(decoded.get(`${B}/library`)).toBe(1);

    decoded.clear();
    expect(await ids()).toEqual([first.id, second.id].sort());
    await closeAll();
    // A shard holds only its computer's own part, so it is read at every open; library.json is not.
    expect(decoded.get(`${B}/shard`)).toBe(1);
    expect(decoded.get(`${B}/library`)).toBeUndefined();

    // A's own library.json put back as it was before its second highlight: B's is decoded again.
    copyFileSync(older, libraryOf(one, A));
    decoded.clear();
    expect(await ids()).toEqual([first.id, second.id].sort());
    expect(decoded.get(`${B}/library`)).toBe(1);
  });

  it('picked up while open, library.json is not decoded again at the next open once this computer wrote its own', async () => {
    const dir = tempDir();
    const a = await openAs(dir, A);
    await a.putArticle(articleMeta());
    const first = await a.createAnnotation({ articleId: ID, target: target(0, 3), color: 'yellow' });
    await a.flush();
    const elsewhere = new Computers();
    await (await elsewhere.openAs(dir, B)).listAnnotations(ID);
    await elsewhere.closeAll();
    // B's files changed, bringing A nothing it lacks; A notes that with its next change of its own.
    await a.pickUpOtherDevices();
    const second = await a.createAnnotation({ articleId: ID, target: target(5, 9), color: 'green' });
    await closeAll();

    decoded.clear();
    const again = await openAs(dir, A);
    expect((await again.listAnnotations(ID)).map((x) => x.id).sort()).toEqual([first.id, second.id].sort());
    expect(decoded.get(`${B}/library`)).toBeUndefined();
  });
});

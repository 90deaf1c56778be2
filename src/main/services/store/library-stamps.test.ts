import { describe, expect, it } from 'vitest';
import { HybridClock, legacyClock } from './clock';
import { libraryCodec } from './codecs';
import { decodeBytes } from './files';
import { SCHEMA_VERSION, type LibraryFile } from './schemas';
import { fillLibrary, stampLibrary } from './stamps';
import { articleMeta } from './testing/fixtures';

const DAY_ONE = '2024-05-01T08:00:00.000Z';
const first = articleMeta({ updatedAt: DAY_ONE });
const second = articleMeta({
  id: '6f1d2c3b-4a59-4e68-8b7a-9c0d1e2f3a4b',
  title: 'Bán đảo',
  updatedAt: DAY_ONE,
});

/** A library.json as Gloss wrote it before clocks: no sync data. */
const bytes = Buffer.from(
  JSON.stringify({
    schemaVersion: SCHEMA_VERSION,
    articles: [first, second],
    tags: [{ name: 'Đà Nẵng', color: null }],
    settings: { theme: 'light', font: 'serif', fontSize: 19 },
  }),
);

const read = (): LibraryFile => decodeBytes(libraryCodec, bytes).data;

/** The stamps such a file gets when it is filled in as soon as it is read. */
function filledAtOnce(): LibraryFile['sync'] {
  const data = read();
  fillLibrary(data);
  return data.sync;
}

describe('a library.json written before clocks', () => {
  it('is read without computing stamps for its records', () => {
    const data = read();
    expect(data.articles.map((article) => article.title)).toEqual(['Khảo sát Sơn Trà', 'Bán đảo']);
    expect(data.sync).toBeUndefined();
  });

  it('is written with the stamps of the file as read', () => {
    const written = JSON.parse(libraryCodec.encode(read())) as LibraryFile;
    expect(written.sync).toEqual(filledAtOnce());
    expect(written.sync?.records[`a:${first.id}`]?.title?.[0]).toBe(legacyClock(DAY_ONE));
  });

  it('stamps anew only the fields changed after it was read, even before its stamps were asked for', () => {
    const data = read();
    const [changed] = data.articles;
    if (!changed) throw new Error('no article');
    changed.title = 'Sơn Trà, mùa mưa';
    const clock = new HybridClock('aaaaaaaaaaaaaaaa');
    stampLibrary(data, clock);
    const stamps = data.sync?.records[`a:${first.id}`];
    expect(stamps?.title?.[0]).not.toBe(legacyClock(DAY_ONE));
    expect(stamps?.title?.[0]?.endsWith('aaaaaaaaaaaaaaaa')).toBe(true);
    expect(stamps?.author?.[0]).toBe(legacyClock(DAY_ONE));
    expect(data.sync?.records[`a:${second.id}`]).toEqual(filledAtOnce()?.records[`a:${second.id}`]);
  });
});

import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../dispatch';
import type { Handlers } from '../handlers';
import { LibraryStore } from '../store';
import { libraryHandlers } from './handlers';
import { LibraryService } from './library-service';

const TEXT = 'Đoàn khảo sát làm việc với quận Sơn Trà.\n\nBài học về rừng đặc dụng.\n';

let dir: string;
let store: LibraryStore;
let library: LibraryService;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-names-'));
  store = await LibraryStore.open(dir, {});
  library = new LibraryService(store);
});

afterEach(() => store.close());

/** A name of exactly `bytes` UTF-8 bytes, Vietnamese letters included, ending in `.md`. */
function nameOfBytes(bytes: number): string {
  let stem = 'Bài viết về Sơn Trà ';
  while (Buffer.byteLength(`${stem}.md`) < bytes) stem += 'a';
  const name = `${stem}.md`;
  expect(Buffer.byteLength(name)).toBe(bytes);
  return name;
}

describe('imported file names', () => {
  it.each([237, 238, 250, 255])(
    'imports a file whose name is %i bytes, twice, within NAME_MAX',
    async (bytes) => {
      const name = nameOfBytes(bytes);
      const first = await library.importBytes(Buffer.from(TEXT), name);
      const second = await library.importBytes(Buffer.from(`${TEXT}Thêm một đoạn.\n`), name);
      expect([first.status, second.status]).toEqual(['imported', 'updated']);
      const third = await library.importBytes(Buffer.from(`Khác hẳn.\n\n${TEXT}`), `x${name.slice(1)}`);
      expect(third.status).toBe('imported');
      for (const copy of readdirSync(path.join(dir, 'articles')))
        expect(Buffer.byteLength(copy)).toBeLessThanOrEqual(255);
      expect(readdirSync(path.join(dir, 'articles')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect((await library.get(first.article.id)).text).toContain('Thêm một đoạn.');
    },
  );

  it('imports a file whose name holds a backslash, through the API, and finds its copy again', async () => {
    const dispatch = createDispatch(libraryHandlers(library, store) as unknown as Handlers);
    const result = await dispatch('importFile', {
      name: 'Ghi chú\\bản nháp.md',
      data: Buffer.from(TEXT).toString('base64'),
    });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'imported', article: { sourceFile: 'articles/Ghi chú-bản nháp.md' } },
    });
    expect(existsSync(path.join(dir, 'articles', 'Ghi chú-bản nháp.md'))).toBe(true);
    writeFileSync(path.join(dir, 'articles', 'Ghi chú-bản nháp.md'), `${TEXT}Sửa trên đĩa.\n`);
    expect((await library.refreshFromDisk('articles/Ghi chú-bản nháp.md'))?.message).toMatch(
      /changed on disk/,
    );
  });

  it('imports mostly-UTF-8 text with a few invalid bytes as UTF-8, and says so', async () => {
    const good = Buffer.from(TEXT.repeat(5));
    const bytes = Buffer.concat([good.subarray(0, 30), Buffer.from([0xff, 0xfe]), good.subarray(30)]);
    const outcome = await library.importBytes(bytes, 'hỏng.txt');
    expect(outcome.message).toBe(`Imported “${outcome.article.title}”.`);
    expect(outcome.warnings).toEqual([
      {
        message: '2 bytes of “hỏng.txt” are not valid UTF-8 and show as �.',
        key: 'notices.invalidBytes',
        params: { count: 2, name: 'hỏng.txt' },
      },
    ]);
    const { text } = await library.get(outcome.article.id);
    expect(text).toContain('��');
    expect(text).toContain('Bài học về rừng đặc dụng.');
  });
});

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../library/library-service';
import { LibraryStore } from '../store';
import { tempDir } from '../store/testing/fixtures';
import { convertFile } from './convert';
import { ImportConverter } from './import-converter';
import { preparedAhead } from './worker-protocol';

const bytes = (text: string) => new TextEncoder().encode(text);
const PARAGRAPH = 'Đoàn khảo sát làm việc với quận Sơn Trà về **dự án** và _rừng_ đặc dụng. '.repeat(6);
/** A long, well-formed Markdown article of about `kb` kilobytes: seconds of work to convert. */
const longMarkdown = (kb: number) =>
  Array.from({ length: Math.round((kb * 1000) / 600) }, (_, i) => `## Phần ${i}\n\n${PARAGRAPH}\n`).join(
    '\n',
  );
const nestedList = (levels: number) =>
  Array.from({ length: levels }, (_, k) => `${'  '.repeat(k)}- item ${k}`).join('\n') + '\n';

const converters: ImportConverter[] = [];
afterAll(() => Promise.all(converters.map((c) => c.close())));
const converter = (options: ConstructorParameters<typeof ImportConverter>[0]) => {
  const made = new ImportConverter(options);
  converters.push(made);
  return made;
};

describe('import conversion on a worker thread', () => {
  it('keeps the host answering, calls within 200 ms, while a large file is converted', async () => {
    const dir = tempDir();
    const store = await LibraryStore.open(dir);
    const threaded = converter({});
    const library = new LibraryService(store, threaded);
    await library.importBytes(bytes('Một bài ngắn.\n'), 'short.txt');
    let converting = true;
    const convert = threaded.convert.bind(threaded);
    threaded.convert = (...args) => convert(...args).finally(() => (converting = false));

    const latencies: number[] = [];
    const started = performance.now();
    const imported = library.importBytes(bytes(longMarkdown(8000)), 'long.md');
    while (converting) {
      const asked = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(library.list().map((a) => a.title)).toEqual(['short']);
      latencies.push(performance.now() - asked - 20);
    }
    expect(performance.now() - started).toBeGreaterThan(1000);
    // Converting on the host's own thread would answer none until the end. Other test files share the
    // two cores, so some calls wait for the CPU: the typical one must be answered within 200 ms.
    expect(latencies.length).toBeGreaterThan(20);
    const sorted = latencies.sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(200);
    expect((await imported).status).toBe('imported');
    await store.close();
  }, 120_000);

  it('stops a conversion past its time budget, and converts the next file on a fresh thread', async () => {
    const quick = converter({ baseTimeMs: 300, timePerMbMs: 0 });
    // The budget counts from when the converter is loaded, but on a loaded machine even a tiny file can
    // run past so short a budget: a tiny file gets a few tries, and must convert within them.
    const tiny = async (text: string, name: string) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await quick.convert(bytes(text), name);
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
    };
    await tiny('Khởi động.\n', 'warm.md');
    const started = performance.now();
    await expect(quick.convert(bytes(longMarkdown(4000)), 'long.md')).rejects.toMatchObject({
      code: 'too-complex',
      message:
        'Cannot import “long.md”: reading it took longer than 0.3 seconds, more than Gloss allows for a file this size.',
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await tiny('Xin chào.\n', 'next.txt')).document.text).toBe('Xin chào.\n');
  }, 60_000);

  it('stops a conversion that needs more memory than its limit, and goes on with the next file', async () => {
    const small = converter({ memoryLimitMb: 64 });
    // Raw HTML sends the document through jsdom and the sanitizer, a million characters at a time.
    await expect(small.convert(bytes(`<div>\n\n${longMarkdown(3000)}`), 'huge.md')).rejects.toMatchObject({
      code: 'too-complex',
      message:
        'Cannot import “huge.md”: reading it needed more than 64 MB of memory, more than Gloss allows for one file.',
    });
    expect((await small.convert(bytes('Xin chào.\n'), 'next.txt')).document.text).toBe('Xin chào.\n');
  }, 120_000);

  it('moves the bytes to the thread and back, and the text back as UTF-8, when asked to', async () => {
    const threaded = converter({});
    const text = 'Sơn Trà\n\nĐoàn khảo sát làm việc với quận.\n';
    const moved = bytes(text);
    const converting = threaded.convert(moved, 'bai.txt', { move: true });
    expect(moved.byteLength).toBe(0);
    const { document, bytes: back } = await converting;
    expect(document.text).toBe(text);
    expect(new TextDecoder().decode(back)).toBe(text);

    const kept = bytes(text);
    await threaded.convert(kept, 'bai.txt');
    expect(new TextDecoder().decode(kept)).toBe(text);
    // A view of part of a buffer is copied, never moved: the rest of the buffer is not the caller's to give.
    const part = bytes(`xx${text}`).subarray(2);
    expect((await threaded.convert(part, 'bai.txt', { move: true })).document.text).toBe(text);
    expect(new TextDecoder().decode(part)).toBe(text);
  });

  it('refuses hostile nesting through the library, leaving it unchanged', async () => {
    const dir = tempDir();
    const store = await LibraryStore.open(dir);
    const library = new LibraryService(store, converter({}));
    const hostile = [
      [nestedList(1600), 'lists.md'],
      [`${'> '.repeat(5000)}x\n`, 'quotes.md'],
      [`<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`, 'divs.html'],
    ] as const;
    for (const [text, name] of hostile) {
      await expect(library.importBytes(bytes(text), name)).rejects.toMatchObject({
        code: 'too-complex',
        message: expect.stringMatching(
          new RegExp(`^Cannot import “${name}”: it is nested .* more than Gloss reads`),
        ) as string,
      });
    }
    expect(library.list()).toEqual([]);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual([]);
    await store.close();
  }, 60_000);

  it('prepares a fresh thread after a large plain text or Markdown file only, never one that would load jsdom or pdf.js', () => {
    expect(['a.txt', 'B.MD', 'c.markdown'].map(preparedAhead)).toEqual([true, true, true]);
    expect(['a.html', 'b.htm', 'c.epub', 'd.pdf', 'e.txt.html'].map(preparedAhead)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives a large file (8 MB or more) the same document as converting it here, once its thread has ended', async () => {
    const threaded = converter({});
    const text = bytes(longMarkdown(9000).replaceAll('**', ''));
    expect(text.length).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    const here = await convertFile(text, 'long.txt');
    const { document } = await threaded.convert(text, 'long.txt');
    expect(document).toEqual(here);
    // The next file goes to the fresh thread started, with its converter, in the large file's place.
    const next = await threaded.convert(bytes('Sơn Trà\n\nBán đảo.\n'), 'next.txt');
    expect(next.document).toEqual(await convertFile(bytes('Sơn Trà\n\nBán đảo.\n'), 'next.txt'));
  }, 120_000);
});

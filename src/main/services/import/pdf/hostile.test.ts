import { describe, expect, it } from 'vitest';
import { convertDocument } from '..';
import { HOSTILE_TEXT, hostilePdfs, inflateBomb } from '../fixtures/hostile-pdfs';

describe('hostile PDFs', () => {
  for (const [name, bytes] of Object.entries(hostilePdfs())) {
    it(`imports ${name} with its text readable, quickly`, async () => {
      const started = performance.now();
      const doc = await convertDocument(bytes, name);
      expect(doc.text).toContain(HOSTILE_TEXT);
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }

  it('counts the pages a PDF has, not the 100,000 its page tree claims', async () => {
    const doc = await convertDocument(hostilePdfs()['huge-page-count.pdf']!, 'huge.pdf');
    expect(doc.pageCount).toBe(1);
  });

  it('refuses a decompression bomb quickly, without inflating it whole', async () => {
    const bomb = inflateBomb(1);
    expect(bomb.length).toBeLessThan(2_000_000);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    await expect(convertDocument(bomb, 'bomb.pdf')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(
        /^Cannot import “bomb\.pdf”: a compressed stream in it inflates to more than 128 MB/,
      ),
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    // 1 GiB inflated whole would show; the guard stops at 128 MiB.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});

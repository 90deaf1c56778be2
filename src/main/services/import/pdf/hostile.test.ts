import { describe, expect, it } from 'vitest';
import { convertDocument } from '..';
import { HOSTILE_TEXT, hostilePdfs } from '../fixtures/hostile-pdfs';

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
});

import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../../../shared/text/outline';
import { pageAt } from '../../../../shared/pdf/pages';
import { column, makePdf } from '../fixtures/make-pdf';
import { pdfToArticle } from '.';

const para = (words: string): string[] => [words];

describe('a PDF outline', () => {
  it('becomes the contents, each entry at the paragraph its destination points to', async () => {
    const bytes = await makePdf(
      [
        { texts: column(para('Lời mở đầu của cuốn sách.'), 72, 760) },
        {
          texts: [
            ...column(para('Đoạn cuối của phần mở đầu.'), 72, 760),
            { text: 'Chương 1. Sơn Trà', x: 72, y: 500, size: 16 },
            ...column(para('Bán đảo Sơn Trà nằm ở phía đông bắc.'), 72, 470),
          ],
        },
        { texts: column(para('Chương hai bắt đầu ở đầu trang.'), 72, 760) },
      ],
      {
        outline: [
          { title: 'Mở đầu', page: 0, top: 842 },
          {
            title: 'Chương 1. Sơn Trà',
            page: 1,
            top: 520,
            children: [{ title: 'Bán đảo', page: 1, top: 485 }],
          },
          { title: 'Chương 2', page: 2, top: 842 },
        ],
      },
    );
    const pdf = await pdfToArticle(bytes);
    const entries = outlineOf(pdf.blocks, () => null);
    expect(entries.map(({ label, level }) => [label, level])).toEqual([
      ['Mở đầu', 1],
      ['Chương 1. Sơn Trà', 1],
      ['Bán đảo', 2],
      ['Chương 2', 1],
    ]);
    const at = (i: number) => pdf.text.slice(entries[i]!.offset, entries[i]!.offset + 12);
    expect(at(0)).toBe('Lời mở đầu c');
    expect(at(1)).toBe('Chương 1. Sơ');
    expect(at(2)).toBe('Bán đảo Sơn ');
    expect(pageAt(pdf.pages, entries[3]!.offset)?.index).toBe(2);
  });

  it('marks an entry on a one-page PDF, and nothing on a PDF without an outline', async () => {
    const bytes = await makePdf([{ texts: column(para('Chỉ một trang.'), 72, 760) }], {
      outline: [{ title: 'Trang 9', page: 0, top: 842 }],
    });
    const pdf = await pdfToArticle(bytes);
    expect(outlineOf(pdf.blocks, () => null).map((e) => e.label)).toEqual(['Trang 9']);
    const plain = await pdfToArticle(await makePdf([{ texts: column(para('Không mục lục.'), 72, 760) }]));
    expect(plain.blocks.some((b) => b.toc)).toBe(false);
  });
});

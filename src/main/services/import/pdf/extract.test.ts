import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { column, makePdf } from '../fixtures/make-pdf';
import { pdfToArticle } from './extract';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

describe('pdfToArticle', () => {
  it('reads two columns one after the other, even when they were drawn line by line across', async () => {
    const left = ['Left one', 'left two', 'left three'];
    const right = ['Right one', 'right two', 'right three'];
    // Drawn row by row: left line, then the right line on the same baseline.
    const texts = left.flatMap((text, i) => [
      { text, x: 50, y: 700 - i * 14 },
      { text: right[i]!, x: 320, y: 700 - i * 14 },
    ]);
    const pdf = await pdfToArticle(
      await makePdf([{ texts: [{ text: 'A Title Across', x: 200, y: 780, size: 18 }, ...texts] }]),
    );
    expect(pdf.text).toBe('A Title Across\nLeft one left two left three\nRight one right two right three');
  });

  it('joins a word split by a hyphen at a line end, keeps real hyphens, expands ligatures', async () => {
    const lines = ['The exam-', 'ple shows a well-', 'Known ﬁne ﬂow of oﬃce work.'];
    const pdf = await pdfToArticle(await makePdf([{ texts: column(lines, 50, 700) }]));
    expect(pdf.text).toBe('The example shows a well- Known fine flow of office work.');
  });

  it('keeps page boundaries and labels in the page map', async () => {
    const pages = ['Preface text', 'Roman two', 'Chapter one text', 'Chapter two text'].map((line) => ({
      texts: column([line], 50, 700),
    }));
    const pdf = await pdfToArticle(
      await makePdf(pages, {
        pageLabels: [
          [0, 'r'],
          [2, 'D'],
        ],
      }),
    );
    expect(pdf.pages.map((p) => p.label)).toEqual(['i', 'ii', '1', '2']);
    expect(pdf.pages.map((p) => pdf.text.slice(p.start, p.end))).toEqual([
      'Preface text',
      'Roman two',
      'Chapter one text',
      'Chapter two text',
    ]);
    expect(pdf.text).toBe('Preface text\n\nRoman two\n\nChapter one text\n\nChapter two text');
    expect(pdf.meta.pageCount).toBe(4);
  });

  it('gives an empty page a zero-length range and a scan no text', async () => {
    const pdf = await pdfToArticle(await makePdf([{ texts: column(['Only text'], 50, 700) }, { texts: [] }]));
    expect(pdf.pages[1]).toEqual({ index: 1, label: '2', start: pdf.text.length, end: pdf.text.length });
    const scan = await pdfToArticle(await makePdf([{ texts: [] }, { texts: [] }]));
    expect(scan.text).toBe('');
    expect(scan.meta.pageCount).toBe(2);
  });

  it('ignores a junk Info title and takes the largest text of page 1, with authors and a DOI', async () => {
    const pdf = await pdfToArticle(
      await makePdf(
        [
          {
            texts: [
              { text: 'Reading Order in', x: 50, y: 780, size: 20 },
              { text: 'Scholarly PDFs', x: 50, y: 756, size: 20 },
              ...column(['Body text here.', 'https://doi.org/10.1234/abc.5678).'], 50, 700),
            ],
          },
        ],
        { title: 'Microsoft Word - draft.docx', author: 'Nguyễn Văn A; Trần Thị B' },
      ),
    );
    expect(pdf.meta.title).toBe('Reading Order in Scholarly PDFs');
    expect(pdf.meta.author).toBe('Nguyễn Văn A, Trần Thị B');
    expect(pdf.meta.doi).toBe('10.1234/abc.5678');
    expect(pdf.meta.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reads a two-column Vietnamese document made by LibreOffice as NFC text with its title', async () => {
    // son-tra-libreoffice.fodt converted with `soffice --headless --convert-to pdf`.
    const pdf = await pdfToArticle(fixture('son-tra-libreoffice.pdf'));
    expect(pdf.meta.title).toBe('Đoàn khảo sát làm việc với Đảng bộ Q. Sơn Trà');
    expect(pdf.text).toContain(
      'Sáng 31-3, Ban Chỉ đạo xây dựng Đề án “Tổng kết 15 năm thực hiện Nghị quyết T.Ư 5 (khóa X) về tiếp tục ' +
        'đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị” làm việc với Đảng bộ ' +
        'Q. Sơn Trà (TP Đà Nẵng).\n',
    );
    expect(pdf.meta.doi).toBe('10.5555/gloss.2022.0401');
    expect(pdf.text.normalize('NFC')).toBe(pdf.text);
    expect(pdf.text).toContain('Đà Nẵng');
    expect(pdf.pages[0]!.start).toBe(0);
    expect(pdf.pages.at(-1)!.end).toBe(pdf.text.length);
    for (const block of pdf.blocks) expect(pdf.text.slice(block.start, block.end).trim()).not.toBe('');
  });

  it('reads a two-column paper made by pdfTeX column by column, hyphens undone, ligatures expanded', async () => {
    // two-column-paper.tex typeset by pdfTeX (see fixtures/README.md).
    const pdf = await pdfToArticle(fixture('two-column-paper.pdf'));
    expect(pdf.meta).toMatchObject({
      title: 'Reading in two columns',
      author: 'Gloss Fixtures',
      pageCount: 1,
    });
    const left =
      'The first column begins here. Scientific fields often define their findings in official reports; ' +
      'the flow of a paper is a reflection of its structure. Researchers file their notes and fly through ' +
      'the figures before the conclusions. Extraordinarily, the characterisation of interdisciplinary ' +
      'collaboration remains unfinished business for the field.';
    const right =
      'Hyphenated words such as the incomprehensibilities of typesetting are broken at line ends by TEX ' +
      'and joined again on extraction. The last words of the paper close the right column.';
    expect(pdf.text).toContain(left);
    expect(pdf.text).toContain(right);
    // The whole left column comes before the right one, although their lines share heights.
    expect(pdf.text.indexOf('with the fi and fl ligatures of pdfTeX.')).toBeLessThan(
      pdf.text.indexOf('2 Right column\nThe second column starts after the first one ends.'),
    );
    expect(pdf.text).toContain('classification, identification and the affluent flow of files in offices');
    expect(pdf.text).not.toMatch(/[\uFB00-\uFB06]|\w-\s|\u00AD/u);
    expect(pdf.pages).toEqual([{ index: 0, label: '1', start: 0, end: pdf.text.length }]);
  });
});

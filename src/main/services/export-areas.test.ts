import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, PdfRect } from '../../shared/model/annotation';
import type { ArticleMeta } from '../../shared/model/article';
import { column, makePdf } from './import/fixtures/make-pdf';
import { renderExport, writeExportFiles } from './export';
import { exportFiles } from './export-stream';
import { MemoryExportSource } from './memory-export-source';

const ID = '44444444-4444-4444-8444-444444444444';
const FIGURE = '55555555-5555-4555-8555-555555555555';
const BLANK = '66666666-6666-4666-8666-666666666666';
const PROTECTED = path.join(__dirname, 'import/fixtures/son-tra-protected.pdf');

const paper: ArticleMeta = {
  id: ID,
  title: 'Hình và bảng',
  author: null,
  published: null,
  sourceFile: 'articles/hinh.pdf',
  format: 'pdf',
  contentHash: 'f'.repeat(64),
  wordCount: 20,
  charCount: 100,
  tags: [],
  progress: 0,
  highlightCount: 2,
  createdAt: '2024-04-01T00:00:00.000Z',
  updatedAt: '2024-04-01T00:00:00.000Z',
  deleted: false,
  pageCount: 1,
};

/** An area highlight on page 1 (A4: 595.28 × 841.89 points). */
function area(id: string, rect: PdfRect): Annotation {
  return {
    id,
    articleId: ID,
    target: {
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
      area: { page: 0, rect, view: [0, 0, 595.28, 841.89] },
    },
    color: 'blue',
    note: 'Sơ đồ',
    tags: [],
    createdAt: '2024-04-02T09:00:00.000Z',
    updatedAt: '2024-04-02T09:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

/** Over the text block drawn from (72, 700) down: 12 lines of 16-point text. */
const figure = area(FIGURE, { x: 60, y: 520, width: 300, height: 200.5 });
/** Below every line: nothing is drawn there. */
const blank = area(BLANK, { x: 60, y: 100, width: 150, height: 80 });

let pdf: Uint8Array;
beforeAll(async () => {
  const lines = Array.from({ length: 12 }, (_, i) => `Dòng ${i + 1}: số liệu khảo sát bán đảo Sơn Trà`);
  pdf = await makePdf([{ texts: column(lines, 72, 700, 16) }]);
});

const library = (bytes: Uint8Array | undefined) =>
  new MemoryExportSource({
    articles: [paper],
    annotations: [figure, blank],
    ...(bytes && { pdfs: { [ID]: bytes } }),
  });

/** How many of a PNG's pixels are not near white. */
async function inkedPixels(png: Buffer): Promise<{ width: number; height: number; inked: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 200) inked++;
  return { width: image.width, height: image.height, inked };
}

describe('Markdown export of PDF area highlights', () => {
  it('draws each area as a PNG at 2 pixels per point, with the page’s ink where it has some, and embeds it', async () => {
    const [file] = await renderExport(library(pdf), { scope: { kind: 'article', id: ID }, format: 'md' });
    expect(file!.attachments?.map((a) => a.name)).toEqual([
      `gloss-area-${FIGURE}.png`,
      `gloss-area-${BLANK}.png`,
    ]);
    expect(file!.content).toContain(
      `> *Area on p. 1*\n>\n> ![[attachments/gloss-area-${FIGURE}.png]]\n\n^gloss-55555555\n`,
    );
    expect(file!.content).toContain(`> ![[attachments/gloss-area-${BLANK}.png]]`);
    const drawn = await inkedPixels(Buffer.from(file!.attachments![0]!.data, 'base64'));
    expect([drawn.width, drawn.height]).toEqual([600, 401]);
    expect(drawn.inked).toBeGreaterThan(1000);
    const empty = await inkedPixels(Buffer.from(file!.attachments![1]!.data, 'base64'));
    expect([empty.width, empty.height]).toEqual([300, 160]);
    expect(empty.inked).toBe(0);
  });

  it('writes the images into an attachments folder beside the note, the same files again at the next export', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'gloss-areas-'));
    const params = { scope: { kind: 'all' as const }, format: 'md' as const };
    for (let round = 0; round < 2; round++)
      await exportFiles(library(pdf), params, { kind: 'folder', path: folder });
    expect(readdirSync(folder).sort()).toEqual(['Hình và bảng.md', 'attachments']);
    const images = readdirSync(path.join(folder, 'attachments')).sort();
    expect(images).toEqual([`gloss-area-${FIGURE}.png`, `gloss-area-${BLANK}.png`].sort());
    const png = readFileSync(path.join(folder, 'attachments', `gloss-area-${FIGURE}.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const note = readFileSync(path.join(folder, 'Hình và bảng.md'), 'utf8');
    expect(note.match(/!\[\[attachments\/gloss-area-/g)).toHaveLength(2);
  });

  it('writes an area of a password-protected PDF without its image, and says why', async () => {
    const [file] = await renderExport(library(readFileSync(PROTECTED)), {
      scope: { kind: 'article', id: ID },
      format: 'md',
      language: 'vi',
    });
    expect(file!.attachments).toBeUndefined();
    expect(file!.content).toContain(
      '> *Vùng ở tr. 1*\n>\n> *Không có ảnh: tệp PDF được bảo vệ bằng mật khẩu.*\n',
    );
  });

  it('writes an area without its image when the copy cannot be read, and copied notes never carry images', async () => {
    const [file] = await renderExport(library(undefined), {
      scope: { kind: 'article', id: ID },
      format: 'md',
    });
    expect(file!.content).toContain('> *Area on p. 1*\n>\n> *No image: the PDF cannot be read.*\n');
    const [clean] = await renderExport(library(pdf), {
      scope: { kind: 'article', id: ID },
      format: 'md',
      clean: true,
    });
    expect(clean!.attachments).toBeUndefined();
    expect(clean!.content).toContain('> *Area on p. 1*\n\n^gloss-55555555');
  });

  it('refuses to write an attachment whose name would leave the attachments folder', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'gloss-areas-'));
    const file = { name: 'a.md', content: 'x\n', attachments: [{ name: '../escape.png', data: 'AAAA' }] };
    await expect(writeExportFiles([file], { kind: 'folder', path: folder })).rejects.toThrow(
      /not a file name an export may write/,
    );
    expect(readdirSync(folder)).toEqual([]);
  });
});

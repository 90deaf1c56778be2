import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertEpub } from './epub';

const folder = path.join(__dirname, 'fixtures', 'pandoc');
const book = convertEpub(readFileSync(path.join(folder, 'song-han.epub')));
const image = `${createHash('sha256')
  .update(readFileSync(path.join(folder, 'cau-rong.png')))
  .digest('hex')}.png`;
const html = book.blocks.map((b) => b.html ?? '').join('\n');

describe('a book made by pandoc', () => {
  it('reads its metadata and its Vietnamese text', () => {
    expect(book).toMatchObject({
      title: 'Sông Hàn kể chuyện',
      author: 'Lê Anh Tuấn',
      published: '2021-03-15',
      details: { language: 'vi', publisher: 'NXB Đà Nẵng' },
    });
    expect(book.text).toContain(
      'Trời sáng trên sông Hàn. Những chiếc thuyền nhỏ rời bến từ sớm, người bán cá gọi nhau í ới.',
    );
    expect(book.text).toContain('Cá tươi từ biển Mỹ Khê được bán ở chợ Hàn.');
    // Its nav document is in the spine; the landmarks it hides are not read.
    expect(book.text).not.toContain('Title Page');
  });

  it('places its table of contents on the chapters’ headings', () => {
    const marks = book.blocks
      .filter((b) => b.toc)
      .map((b) => ({ at: book.text.slice(b.start, b.end), toc: b.toc }));
    expect(marks).toEqual([
      { at: 'Buổi sáng trên sông Hàn', toc: [{ label: 'Buổi sáng trên sông Hàn', level: 1 }] },
      { at: 'Cầu Rồng', toc: [{ label: 'Cầu Rồng', level: 1 }] },
      { at: 'Hàng cá', toc: [{ label: 'Hàng cá', level: 2 }] },
    ]);
  });

  it('makes its footnote reference open the note, and the note and chapter links jump back', () => {
    const note = book.text.indexOf('Cầu Rồng khánh thành năm 2013, dài 666 mét.');
    const reference = book.text.indexOf('Người Đà Nẵng');
    // Pandoc puts its nav document in the spine: the first “Buổi sáng…” is its contents list.
    const chapter1 = book.text.indexOf('Buổi sáng trên sông Hàn\n\nTrời');
    expect(html).toContain(`<a href="#gloss-note-${note}">1</a>`);
    expect(html).toContain(`<a href="#gloss-link-${reference}">↩︎</a>`);
    expect(html).toContain(`<a href="#gloss-link-${chapter1}">buổi sáng</a>`);
    expect(html).toContain(`<a href="#gloss-link-${chapter1}">Buổi sáng trên sông Hàn</a>`);
  });

  it('keeps its image with its alt text, taking no characters', () => {
    const block = book.blocks.find((b) => b.html?.includes('<img'));
    expect(block?.html).toBe(`<img data-image="${image}" alt="Cầu Rồng về đêm">`);
    expect(block?.end).toBe(block?.start);
    expect(book.text.slice(block!.start).startsWith('Cầu Rồng về đêm')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { parseClippingDate } from './clipping-dates';
import { parseKindleClippings } from './kindle';

/** A clipping as Kindle writes it: title line, "- …" line, blank line, text, separator (CRLF). */
function clip(title: string, meta: string, text: string): string {
  return `${title}\r\n- ${meta}\r\n\r\n${text}\r\n==========\r\n`;
}

const ENGLISH =
  '\uFEFF' +
  clip(
    'The Great Gatsby (F. Scott Fitzgerald)',
    'Your Highlight on page 1 | Location 7-8 | Added on Sunday, March 3, 2019 10:15:37 PM',
    'In my younger and more vulnerable years my father gave me some advice',
  ) +
  clip(
    'The Great Gatsby (F. Scott Fitzgerald)',
    'Your Highlight on page 1 | Location 7-9 | Added on Sunday, March 3, 2019 10:16:02 PM',
    'In my younger and more vulnerable years my father gave me some advice that I’ve been turning over in my mind ever since.',
  ) +
  clip(
    'The Great Gatsby (F. Scott Fitzgerald)',
    'Your Note on page 1 | Location 9 | Added on Sunday, March 3, 2019 10:16:30 PM',
    'The famous opening.',
  ) +
  clip(
    'The Great Gatsby (F. Scott Fitzgerald)',
    'Your Bookmark on page 3 | Location 40 | Added on Monday, March 4, 2019 8:00:00 AM',
    '',
  ) +
  clip(
    'Walden (Thoreau, Henry David)',
    'Highlight Loc. 1170-72  | Added on Tuesday, January 5, 2010, 12:05 AM',
    'I went to the woods because I wished to live deliberately.',
  );

const VIETNAMESE =
  clip(
    'Số đỏ (Vũ Trọng Phụng)',
    'Đoạn tô sáng của bạn ở trang 12 | vị trí 170-172 | Đã thêm vào Chủ Nhật, ngày 3 tháng 3 năm 2019 22:15:37',
    'Bà Phó Đoan là một người đàn bà goá chồng.',
  ) +
  clip(
    'Số đỏ (Vũ Trọng Phụng)',
    'Ghi chú của bạn ở trang 12 | vị trí 172 | Đã thêm vào Chủ Nhật, ngày 3 tháng 3 năm 2019 22:16:00',
    'Mở đầu châm biếm.',
  ) +
  clip(
    'Số đỏ (Vũ Trọng Phụng)',
    'Dấu trang của bạn ở trang 20 | vị trí 300 | Đã thêm vào Thứ Hai, 4 tháng 3, 2019 8:00:00 SA',
    '',
  ) +
  clip(
    'Số đỏ (Vũ Trọng Phụng)',
    'Đoạn tô sáng của bạn ở trang 30 | vị trí 401-403 | Đã thêm vào Thứ Hai, 4 tháng 3, 2019 10:05:00 CH',
    'Xuân Tóc Đỏ',
  );

describe('parseKindleClippings', () => {
  it('reads English clippings: books, authors, re-highlights collapsed, notes attached, bookmarks ignored', () => {
    const parsed = parseKindleClippings(ENGLISH);
    expect(parsed.format).toBe('kindle');
    expect(parsed.duplicates).toBe(1);
    expect(parsed.ignored).toBe(1);
    expect(parsed.books.map((b) => [b.title, b.author])).toEqual([
      ['The Great Gatsby', 'F. Scott Fitzgerald'],
      ['Walden', 'Thoreau, Henry David'],
    ]);
    const [gatsby, walden] = parsed.books;
    expect(gatsby!.highlights).toHaveLength(1);
    expect(gatsby!.highlights[0]).toMatchObject({
      quote: expect.stringMatching(/^In my younger.*ever since\.$/),
      note: 'The famous opening.',
      where: 'page 1, location 7–9',
      key: 'loc:7-9',
    });
    const created = new Date(gatsby!.highlights[0]!.created!);
    expect([created.getFullYear(), created.getMonth(), created.getDate(), created.getHours()]).toEqual([
      2019, 2, 3, 22,
    ]);
    expect(walden!.highlights[0]!.where).toBe('location 1170–1172');
    expect(new Date(walden!.highlights[0]!.created!).getHours()).toBe(0);
  });

  it('reads Vietnamese-localised clippings with their dates, notes and bookmarks', () => {
    const parsed = parseKindleClippings(VIETNAMESE);
    expect(parsed.ignored).toBe(1);
    expect(parsed.books).toHaveLength(1);
    const book = parsed.books[0]!;
    expect([book.title, book.author]).toEqual(['Số đỏ', 'Vũ Trọng Phụng']);
    expect(book.highlights.map((h) => [h.quote, h.note, h.where])).toEqual([
      ['Bà Phó Đoan là một người đàn bà goá chồng.', 'Mở đầu châm biếm.', 'page 12, location 170–172'],
      ['Xuân Tóc Đỏ', '', 'page 30, location 401–403'],
    ]);
    const second = new Date(book.highlights[1]!.created!);
    expect([second.getDate(), second.getMonth(), second.getHours(), second.getMinutes()]).toEqual([
      4, 2, 22, 5,
    ]);
  });

  it('keeps a note whose highlight is missing as a note of the book', () => {
    const parsed = parseKindleClippings(
      clip(
        'Notes Only (A. Writer)',
        'Your Note on page 5 | Location 77 | Added on Friday, May 1, 2020 9:00:00 AM',
        'Lone thought',
      ),
    );
    expect(parsed.books[0]!.highlights).toEqual([]);
    expect(parsed.books[0]!.notes).toEqual([
      { text: 'Lone thought', where: 'page 5, location 77', created: expect.any(String) },
    ]);
  });
});

describe('parseClippingDate', () => {
  const local = (iso: string | null) => {
    const d = new Date(iso!);
    return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
  };
  it.each([
    ['Added on Sunday, March 3, 2019 10:15:37 PM', [2019, 3, 3, 22, 15]],
    ['Hinzugefügt am Sonntag, 3. März 2019 12:15:37', [2019, 3, 3, 12, 15]],
    ['Ajouté le dimanche 3 mars 2019 22:15:37', [2019, 3, 3, 22, 15]],
    ['Añadido el domingo, 3 de marzo de 2019 22:15:37', [2019, 3, 3, 22, 15]],
    ['Aggiunto in data domenica 3 marzo 2019 22:15:37', [2019, 3, 3, 22, 15]],
    ['Adicionado: domingo, 3 de março de 2019 22:15:37', [2019, 3, 3, 22, 15]],
    ['作成日: 2019年3月3日日曜日 22:15:37', [2019, 3, 3, 22, 15]],
    ['添加于 2019年3月3日星期日 下午10:15:37', [2019, 3, 3, 22, 15]],
    ['Đã thêm vào Chủ Nhật, ngày 3 tháng 3 năm 2019 22:15:37', [2019, 3, 3, 22, 15]],
    ['Đã thêm vào Chủ Nhật, 3 tháng 3, 2019 10:15:37 CH', [2019, 3, 3, 22, 15]],
    ['Added on Sunday, March 3, 2019 12:05:00 AM', [2019, 3, 3, 0, 5]],
  ])('%s', (text, expected) => {
    expect(local(parseClippingDate(text))).toEqual(expected);
  });

  it('answers null when there is no date', () => {
    expect(parseClippingDate('Added on')).toBeNull();
  });
});

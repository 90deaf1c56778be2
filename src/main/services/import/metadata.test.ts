import { describe, expect, it } from 'vitest';
import {
  cleanByline,
  findAuthor,
  findPublished,
  normalizeDate,
  parseDateLine,
  titleFromFileName,
} from './metadata';

describe('parseDateLine', () => {
  it.each([
    ['Thứ sáu, 01/04/2022 09:35', '2022-04-01T09:35'],
    ['THỨ SÁU, 1/4/2022, 9:35', '2022-04-01T09:35'],
    ['Chủ nhật, 03/04/2022 - 07:05 (GMT+7)', '2022-04-03T07:05+07:00'],
    ['01-04-2022 09h35', '2022-04-01T09:35'],
    ['Cập nhật: 09:35:12 01/04/2022', '2022-04-01T09:35:12'],
    ['ngày 1 tháng 4 năm 2022', '2022-04-01'],
    ['Thứ Sáu, ngày 01 tháng 04 năm 2022', '2022-04-01'],
    ['Published: Friday, 2022-04-01 09:35', '2022-04-01T09:35'],
    ['01.04.2022', '2022-04-01'],
  ])('reads %j', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    'Sáng 31-3, Ban Chỉ đạo xây dựng Đề án',
    'Hội nghị ngày 01/04/2022 tại Đà Nẵng',
    '31/02/2022',
    '01/04/2022 25:00',
    '15-NQ/TW',
  ])('ignores %j, which is not a date line', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('keeps ISO 8601 dates and reads Vietnamese ones', () => {
    expect(normalizeDate('2022-04-01T09:35:00+07:00')).toBe('2022-04-01T09:35:00+07:00');
    expect(normalizeDate(' 2022-04-01 09:35 ')).toBe('2022-04-01T09:35');
    expect(normalizeDate('01/04/2022')).toBe('2022-04-01');
    expect(normalizeDate(new Date(Date.UTC(2022, 3, 1)))).toBe('2022-04-01T00:00:00.000Z');
  });

  it('gives null for anything else', () => {
    for (const value of ['2022-13-01', 'hôm qua', '', 20220401, null, undefined]) {
      expect(normalizeDate(value)).toBeNull();
    }
  });
});

describe('findPublished', () => {
  it('finds a date line near the start, or else near the end', () => {
    expect(findPublished(['Sapo.', 'Thứ sáu, 01/04/2022 09:35', 'Thân bài.'])).toBe('2022-04-01T09:35');
    const body = Array.from({ length: 20 }, (_, i) => `Đoạn ${i}.`);
    expect(findPublished([...body, '02/04/2022'])).toBe('2022-04-02');
    expect(findPublished([...body.slice(0, 10), '02/04/2022', ...body.slice(10)])).toBeNull();
  });
});

describe('findAuthor', () => {
  const body = ['Sáng 31-3, Ban Chỉ đạo làm việc.', 'Theo kế hoạch, đoàn sẽ trở lại.'];

  it('takes a signature in capitals at the end, as Vietnamese papers sign', () => {
    expect(findAuthor([...body, 'LÊ ANH TUẤN'])).toBe('Lê Anh Tuấn');
    expect(findAuthor([...body, 'Lê Anh Tuấn'])).toBe('Lê Anh Tuấn');
  });

  it.each([
    ['By Alice Smith', 'Alice Smith'],
    ['Tác giả: Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Bài và ảnh: TRẦN BÌNH', 'Trần Bình'],
    ['(Theo TTXVN)', 'TTXVN'],
    ['PV: Lê An - Trần Bình', 'Lê An - Trần Bình'],
    ['Bài: Lê A và Trần B', 'Lê A và Trần B'],
  ])('reads the byline %j', (line, name) => {
    expect(findAuthor([...body, line])).toBe(name);
    expect(findAuthor([line, ...body])).toBe(name);
  });

  it('does not take ordinary sentences or headings for names', () => {
    expect(findAuthor(body)).toBeNull();
    expect(findAuthor(['Theo ông Lợi, quận đã làm tốt.', ...body])).toBeNull();
    expect(findAuthor([...body, 'Kết luận của đoàn'])).toBeNull();
    expect(findAuthor(['LÊ ANH TUẤN'])).toBeNull();
  });
});

describe('cleanByline', () => {
  it('drops a label and refuses long or empty values', () => {
    expect(cleanByline('  By   Alice Smith ')).toBe('Alice Smith');
    expect(cleanByline('LÊ ANH TUẤN')).toBe('Lê Anh Tuấn');
    expect(cleanByline('x'.repeat(81))).toBeNull();
    expect(cleanByline(' ')).toBeNull();
    expect(cleanByline(42)).toBeNull();
  });
});

describe('titleFromFileName', () => {
  it('uses the name without folders or extension, in NFC', () => {
    expect(titleFromFileName('/tmp/Sơn Trà.khảo sát.txt'.normalize('NFD'))).toBe('Sơn Trà.khảo sát');
    expect(titleFromFileName('C:\\Bài viết\\ghi  chú.md')).toBe('ghi chú');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
  });
});

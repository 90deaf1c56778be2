import { describe, expect, it } from 'vitest';
import { describeRange } from '../text/selectors';
import { anchor, type Placement } from './anchor';

const TITLE = 'Thứ sáu, 01/04/2022 09:35';
const P1 =
  'Sáng 31-3, Ban Chỉ đạo xây dựng Đề án “Tổng kết 15 năm thực hiện Nghị quyết T.Ư 5 (khóa X) về tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị” làm việc với Đảng bộ Q. Sơn Trà (TP Đà Nẵng).';
const CAPTION = 'Đồng chí Nguyễn Quang Dương phát biểu tại buổi làm việc.';
const P2 =
  'Tại buổi làm việc, Bí thư Quận ủy Sơn Trà Trần Thắng Lợi cho biết: Qua 15 năm triển khai thực hiện Nghị quyết số 15-NQ/TW tại Q. Sơn Trà, Ban Thường vụ Quận ủy Sơn Trà rút ra những bài học, kinh nghiệm lớn.';
const P3 =
  'Ghi nhận thành tựu này của Q. Sơn Trà, đồng chí Nguyễn Quang Dương đề nghị Ban Thường vụ Quận ủy Sơn Trà có báo cáo riêng nội dung trao đổi tại buổi khảo sát này.';
const ARTICLE = [P1, CAPTION, CAPTION, '', P2, '', P3].join('\n');

interface Fixture {
  name: string;
  before: string;
  after: string;
  /** The highlighted quote, and which of its occurrences in `before` (0-based). */
  quote: string;
  occurrence?: number;
  /** Expected placement and the text it covers in `after`, or null for an orphan. */
  expected: (Placement & { text: string }) | null;
}

const fixtures: Fixture[] = [
  {
    name: 'unchanged text',
    before: ARTICLE,
    after: ARTICLE,
    quote: 'Đảng bộ Q. Sơn Trà',
    expected: { start: 196, end: 214, method: 'position', text: 'Đảng bộ Q. Sơn Trà' },
  },
  {
    name: 'a paragraph inserted before the quote',
    before: ARTICLE,
    after: `${TITLE}\n\n${ARTICLE}`,
    quote: 'kinh nghiệm lớn',
    expected: { start: 561, end: 576, method: 'quote', text: 'kinh nghiệm lớn' },
  },
  {
    name: 'a typo fixed inside the quote',
    before: ARTICLE.replace('bài học', 'bài hoc'),
    after: ARTICLE,
    quote: 'rút ra những bài hoc, kinh nghiệm',
    expected: { start: 512, end: 545, method: 'fuzzy', text: 'rút ra những bài học, kinh nghiệm' },
  },
  {
    name: 'the first of two identical captions, text inserted above',
    before: ARTICLE,
    after: `${TITLE}\n${ARTICLE}`,
    quote: CAPTION,
    occurrence: 0,
    expected: { start: 255, end: 311, method: 'quote', text: CAPTION },
  },
  {
    name: 'the second of two identical captions, text inserted above',
    before: ARTICLE,
    after: `${TITLE}\n${ARTICLE}`,
    quote: CAPTION,
    occurrence: 1,
    expected: { start: 312, end: 368, method: 'quote', text: CAPTION },
  },
  {
    name: 'the first of two identical captions, text inserted between them',
    before: ARTICLE,
    after: ARTICLE.replace(`${CAPTION}\n`, `${CAPTION}\n${TITLE}\n`),
    quote: CAPTION,
    occurrence: 0,
    expected: { start: 229, end: 285, method: 'position', text: CAPTION },
  },
  {
    name: 'the second of two identical captions, text inserted between them',
    before: ARTICLE,
    after: ARTICLE.replace(`${CAPTION}\n`, `${CAPTION}\n${TITLE}\n`),
    quote: CAPTION,
    occurrence: 1,
    expected: { start: 312, end: 368, method: 'quote', text: CAPTION },
  },
  {
    name: 'a deleted passage',
    before: ARTICLE,
    after: ARTICLE.replace(P2, ''),
    quote: 'Trần Thắng Lợi cho biết',
    expected: null,
  },
  {
    name: 'a very short quote in a deleted passage',
    before: ARTICLE,
    after: ARTICLE.replace(P2, ''),
    quote: 'TW',
    expected: null,
  },
  {
    name: 'a very short quote after an insertion',
    before: ARTICLE,
    after: `${TITLE}\n${ARTICLE}`,
    quote: 'X',
    expected: { start: 114, end: 115, method: 'quote', text: 'X' },
  },
  {
    name: 'a paragraph moved above another',
    before: ARTICLE,
    after: [P1, CAPTION, CAPTION, '', P3, '', P2].join('\n'),
    quote: 'báo cáo riêng nội dung',
    expected: { start: 452, end: 474, method: 'quote', text: 'báo cáo riêng nội dung' },
  },
  {
    name: 'words inserted right before the quote',
    before: ARTICLE,
    after: ARTICLE.replace('Sơn Trà Trần', 'Sơn Trà, đồng chí Trần'),
    quote: 'Trần Thắng Lợi',
    expected: { start: 396, end: 410, method: 'quote', text: 'Trần Thắng Lợi' },
  },
  {
    name: 'an NFD copy of the text, canonicalised',
    before: ARTICLE,
    after: ARTICLE.normalize('NFD').normalize('NFC'),
    quote: 'Sơn Trà',
    occurrence: 2,
    expected: { start: 473, end: 480, method: 'position', text: 'Sơn Trà' },
  },
];

function targetOf(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`Fixture quote not found: ${quote}`);
  return describeRange(text, start, start + quote.length);
}

describe('anchor', () => {
  it.each(fixtures)('$name', ({ before, after, quote, occurrence, expected }) => {
    const placement = anchor(targetOf(before, quote, occurrence), after);
    if (expected === null) {
      expect(placement).toBeNull();
      return;
    }
    const { text, ...where } = expected;
    expect(placement).toEqual(where);
    expect(after.slice(where.start, where.end)).toBe(text);
  });

  it('gives the same targets and positions for NFC and NFD variants once canonicalised', () => {
    const nfc = ARTICLE.normalize('NFC');
    const nfd = ARTICLE.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const fromNfd = targetOf(nfd.normalize('NFC'), 'Đà Nẵng');
    expect(fromNfd).toEqual(targetOf(nfc, 'Đà Nẵng'));
    expect(anchor(fromNfd, nfc)).toEqual({ start: 219, end: 226, method: 'position' });
  });

  it('uses an expected position when the stored one no longer holds', () => {
    const after = `${TITLE}\n\n${ARTICLE}`;
    expect(anchor(targetOf(ARTICLE, 'kinh nghiệm lớn'), after, [561])).toEqual({
      start: 561,
      end: 576,
      method: 'quote',
    });
  });

  it('orphans an empty quote', () => {
    const target = describeRange(ARTICLE, 0, 4);
    expect(anchor({ ...target, quote: { ...target.quote, exact: '' } }, ARTICLE)).toBeNull();
  });
});

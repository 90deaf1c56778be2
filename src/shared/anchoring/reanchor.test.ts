import { describe, expect, it } from 'vitest';
import { describeRange } from '../text/selectors';
import { reanchorAll } from './reanchor';

const BEFORE = [
  'Tại buổi làm việc, Bí thư Quận ủy Sơn Trà Trần Thắng Lợi cho biết: Qua 15 năm triển khai thực hiện Nghị quyết số 15-NQ/TW tại Q. Sơn Trà, Ban Thường vụ Quận ủy Sơn Trà rút ra những bài hoc, kinh nghiệm lớn.',
  'Các cấp lãnh đạo phải luôn tăng cường công tác kiểm tra, giám sát. Công tác cải cách hành chính trong Đảng phải được chú trọng, trong đó ứng dụng công nghệ thông tin cần phải được đẩy mạnh.',
  'Ghi nhận thành tựu này của Q. Sơn Trà, đồng chí Nguyễn Quang Dương đề nghị Ban Thường vụ Quận ủy Sơn Trà có báo cáo riêng nội dung trao đổi tại buổi khảo sát này.',
  'LÊ ANH TUẤN',
].join('\n\n');

/** A heading added on top, the typo "bài hoc" fixed, the second paragraph deleted. */
const AFTER = `Thứ sáu, 01/04/2022 09:35\n\n${BEFORE.replace('bài hoc', 'bài học').replace(/Các cấp[^\n]*\n\n/, '')}`;

function annotation(id: string, quote: string) {
  const start = BEFORE.indexOf(quote);
  return { id, target: describeRange(BEFORE, start, start + quote.length) };
}

describe('reanchorAll', () => {
  const annotations = [
    annotation('typo', 'rút ra những bài hoc, kinh nghiệm'),
    annotation('moved', 'Trần Thắng Lợi'),
    annotation('deleted', 'ứng dụng công nghệ thông tin'),
    annotation('byline', 'LÊ ANH TUẤN'),
    annotation('short', 'Q.'),
  ];
  const { results, report } = reanchorAll(annotations, AFTER);

  it('returns one result per annotation, in input order', () => {
    expect(results.map((r) => r.id)).toEqual(['typo', 'moved', 'deleted', 'byline', 'short']);
  });

  it('gives placed annotations targets that describe the new text', () => {
    const byId = new Map(results.map((r) => [r.id, r]));
    const typo = byId.get('typo')!;
    expect(typo).toMatchObject({ orphaned: false, method: 'fuzzy' });
    expect(typo.target.quote.exact).toBe('rút ra những bài học, kinh nghiệm');
    const { start, end } = typo.target.position;
    expect(typo.target).toEqual(describeRange(AFTER, start, end));
    for (const id of ['moved', 'byline', 'short']) {
      const result = byId.get(id)!;
      const old = annotations.find((a) => a.id === id)!.target;
      expect(result).toMatchObject({ orphaned: false, method: 'quote' });
      expect(result.target.quote.exact).toBe(old.quote.exact);
      expect(result.target.position.start).toBe(AFTER.indexOf(old.quote.exact));
    }
  });

  it('keeps an annotation whose passage was deleted, orphaned, with its old target', () => {
    const deleted = results.find((r) => r.id === 'deleted')!;
    expect(deleted).toEqual({ id: 'deleted', target: annotations[2]!.target, orphaned: true, method: null });
  });

  it('counts what happened', () => {
    expect(report).toEqual({ total: 5, unchanged: 0, moved: 3, fuzzy: 1, orphaned: 1 });
  });

  it('reports unchanged annotations on unchanged text', () => {
    expect(reanchorAll(annotations, BEFORE).report).toEqual({
      total: 5,
      unchanged: 5,
      moved: 0,
      fuzzy: 0,
      orphaned: 0,
    });
  });

  it('follows every highlight of a paragraph moved far away', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Câu số ${i} của phần thêm vào.`).join(' ');
    const [first, second, third, byline] = BEFORE.split('\n\n') as [string, string, string, string];
    const before = [first, second, filler, third, byline].join('\n\n');
    const after = [second, filler, third, first, byline].join('\n\n');
    const quotes = ['Bí thư Quận ủy', 'Nghị quyết số 15-NQ/TW', 'rút ra những', 'nghệ thông tin'];
    const placed = reanchorAll(
      quotes.map((q, i) => {
        const start = before.indexOf(q);
        return { id: String(i), target: describeRange(before, start, start + q.length) };
      }),
      after,
    );
    expect(placed.results.map((r) => r.target.position.start)).toEqual(quotes.map((q) => after.indexOf(q)));
    expect(placed.report.orphaned).toBe(0);
  });
});

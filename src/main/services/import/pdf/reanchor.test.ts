import { describe, expect, it } from 'vitest';
import { reanchorAll } from '../../../../shared/anchoring';
import { pageAt } from '../../../../shared/pdf/pages';
import { describeRange } from '../../../../shared/text/selectors';
import { column, makePdf, type PageSpec } from '../fixtures/make-pdf';
import { pdfToArticle } from '.';

const BODY: PageSpec[] = [
  { texts: column(['Bán đảo Sơn Trà nằm ở phía đông bắc thành phố Đà Nẵng.'], 72, 760) },
  {
    texts: column(
      ['Khu bảo tồn thiên nhiên có rừng nguyên sinh và loài voọc chà vá chân nâu quý hiếm.'],
      72,
      760,
    ),
  },
  { texts: column(['Đoàn khảo sát đề nghị quận có báo cáo riêng về công tác bảo tồn.'], 72, 760) },
];
const COVER: PageSpec = { texts: column(['Sổ tay Sơn Trà — bìa'], 72, 760, 20) };

describe('highlights on a PDF re-anchored on a new version of it', () => {
  it('follow their text when a page is inserted at the front, onto the next page', async () => {
    const before = await pdfToArticle(await makePdf(BODY));
    const after = await pdfToArticle(await makePdf([COVER, ...BODY]));
    const quotes = ['voọc chà vá chân nâu', 'quý hiếm.\n\nĐoàn khảo sát', 'báo cáo riêng'];
    const annotations = quotes.map((quote, i) => {
      const start = before.text.indexOf(quote);
      expect(start).toBeGreaterThan(-1);
      return { id: `a${i}`, target: describeRange(before.text, start, start + quote.length) };
    });

    const { results, report } = reanchorAll(annotations, after.text);

    expect(report).toMatchObject({ total: 3, moved: 3, orphaned: 0, fuzzy: 0 });
    results.forEach((result, i) => {
      const old = annotations[i]!.target.position;
      const { start, end } = result.target.position;
      expect(after.text.slice(start, end)).toBe(quotes[i]);
      expect(result.target.quote.exact).toBe(quotes[i]);
      expect(pageAt(after.pages, start)!.index).toBe(pageAt(before.pages, old.start)!.index + 1);
      expect(pageAt(after.pages, end - 1)!.label).toBe(String(pageAt(before.pages, old.end - 1)!.index + 2));
    });
  });
});

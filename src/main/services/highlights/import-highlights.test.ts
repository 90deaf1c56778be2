import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleContent, ArticleMeta, ImportOutcome } from '../../../shared/model/article';
import type { SearchResults } from '../../../shared/model/search';
import type { Result } from '../../../shared/result';
import { startServices, type Services } from '..';
import { tempDir } from '../store/testing/fixtures';

const SAMPLE = readFileSync(new URL('../../../../resources/samples/son-tra-khao-sat.txt', import.meta.url));
const SAMPLE_TITLE = 'Đoàn khảo sát của Ban Chỉ đạo Đề án Trung ương 6 làm việc với Đảng bộ Q. Sơn Trà';

let services: Services;

beforeEach(async () => {
  services = await startServices({ libraryPath: tempDir('gloss-highlights-'), host: 'cli', watch: false });
});

afterEach(() => services.stop());

async function call<T>(name: string, params: unknown = {}): Promise<T> {
  const result: Result<unknown> = await services.dispatch(name, params);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function importFile(name: string, text: string): Promise<ImportOutcome> {
  return call<ImportOutcome>('importFile', { name, data: Buffer.from(text).toString('base64') });
}

function clip(title: string, meta: string, text: string): string {
  return `${title}\r\n- ${meta}\r\n\r\n${text}\r\n==========\r\n`;
}

const ADDED = 'Đã thêm vào Chủ Nhật, ngày 3 tháng 3 năm 2019 22:15:37';

/** Vietnamese-localised clippings: two highlights of the sample (one re-highlighted), one not in its text, a bookmark, another book. */
const CLIPPINGS =
  '\uFEFF' +
  clip(`${SAMPLE_TITLE} (Lê Anh Tuấn)`, `Đoạn tô sáng của bạn ở vị trí 40-41 | ${ADDED}`, 'Trần Thắng Lợi') +
  clip(
    `${SAMPLE_TITLE} (Lê Anh Tuấn)`,
    `Đoạn tô sáng của bạn ở vị trí 40-42 | ${ADDED}`,
    'Bí thư Quận ủy Sơn Trà Trần Thắng Lợi cho biết',
  ) +
  clip(`${SAMPLE_TITLE} (Lê Anh Tuấn)`, `Ghi chú của bạn ở vị trí 42 | ${ADDED}`, 'Người phát biểu chính') +
  clip(
    `${SAMPLE_TITLE} (Lê Anh Tuấn)`,
    `Đoạn tô sáng của bạn ở vị trí 90-91 | ${ADDED}`,
    'Một câu chỉ có trong bản Kindle.',
  ) +
  clip(`${SAMPLE_TITLE} (Lê Anh Tuấn)`, `Dấu trang của bạn ở vị trí 95 | ${ADDED}`, '') +
  clip(
    'Số đỏ (Vũ Trọng Phụng)',
    `Đoạn tô sáng của bạn ở trang 12 | vị trí 170-172 | ${ADDED}`,
    'Bà Phó Đoan là một người đàn bà goá chồng.',
  ) +
  clip(
    'Số đỏ (Vũ Trọng Phụng)',
    `Đoạn tô sáng của bạn ở trang 30 | vị trí 401-403 | ${ADDED}`,
    'Xuân Tóc Đỏ *nổi* tiếng',
  );

async function articleTitled(title: string): Promise<ArticleMeta> {
  const found = (await call<ArticleMeta[]>('listArticles')).filter((a) => a.title === title);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('importing highlights from other readers', () => {
  it('anchors Kindle clippings into the article of the library and keeps the rest as a highlights-only entry', async () => {
    const sample = (await importFile('son-tra-khao-sat.txt', SAMPLE.toString())).article;
    const outcome = await importFile('My Clippings.txt', CLIPPINGS);
    expect(outcome.status).toBe('highlights');
    expect(outcome.highlights).toMatchObject({
      format: 'kindle',
      anchored: 1,
      highlightsOnly: 3,
      duplicates: 1,
      ignored: 1,
    });
    expect(outcome.message).toBe(
      '“My Clippings.txt” (Kindle (My Clippings.txt)): 1 highlight anchored in articles of the library, 3 kept as highlights only, 1 skipped as a duplicate, 1 ignored (bookmarks, replies or empty entries).',
    );

    const [placed] = await call<Annotation[]>('listAnnotations', { articleId: sample.id });
    const text = (await call<ArticleContent>('getArticle', { id: sample.id })).text;
    expect(text.slice(placed!.target.position.start, placed!.target.position.end)).toBe(
      'Bí thư Quận ủy Sơn Trà Trần Thắng Lợi cho biết',
    );
    expect(placed!.note).toBe('Người phát biểu chính');
    expect(new Date(placed!.createdAt).getFullYear()).toBe(2019);

    // The quote not in the sample's text, and the other book, are highlights-only entries.
    const entries = (await call<ArticleMeta[]>('listArticles')).filter((a) => a.id !== sample.id);
    expect(entries.map((a) => [a.title, a.author, a.highlightCount]).sort()).toEqual([
      ['Số đỏ', 'Vũ Trọng Phụng', 2],
      [SAMPLE_TITLE, 'Lê Anh Tuấn', 1],
    ]);
    const soDo = await call<ArticleContent>('getArticle', {
      id: entries.find((a) => a.title === 'Số đỏ')!.id,
    });
    const quotes = (await call<Annotation[]>('listAnnotations', { articleId: soDo.article.id })).map(
      (a) => a.target.quote.exact,
    );
    expect(quotes).toEqual(['Bà Phó Đoan là một người đàn bà goá chồng.', 'Xuân Tóc Đỏ *nổi* tiếng']);
    expect(soDo.text).toContain('page 12, location 170–172 · 2019-03-03');

    // Search and export treat the entry like any article.
    const found = await call<SearchResults>('search', { query: 'goa chong' });
    expect(found.groups.map((g) => g.article.id)).toContain(soDo.article.id);
    const exported = await call<{ files: { content: string }[] }>('renderExport', {
      scope: { kind: 'article', id: soDo.article.id },
      format: 'md',
    });
    expect(exported.files[0]!.content).toContain('Xuân Tóc Đỏ \\*nổi\\* tiếng');

    // The same file again adds nothing.
    const again = await importFile('My Clippings.txt', CLIPPINGS);
    expect(again.highlights).toMatchObject({ anchored: 0, highlightsOnly: 0, duplicates: 5, notes: 0 });
    expect(await call<ArticleMeta[]>('listArticles')).toHaveLength(3);
    expect(
      (await call<Annotation[]>('listAnnotations', { articleId: sample.id })).map((a) => a.note),
    ).toEqual(['Người phát biểu chính']);
  });

  it('extends a highlights-only entry with new highlights, keeping the earlier ones and what the user deleted', async () => {
    await importFile('My Clippings.txt', CLIPPINGS);
    const entry = await articleTitled('Số đỏ');
    const [first] = await call<Annotation[]>('listAnnotations', { articleId: entry.id });
    await call('deleteAnnotation', { articleId: entry.id, id: first!.id });
    const more = clip(
      'Số đỏ (Vũ Trọng Phụng)',
      `Đoạn tô sáng của bạn ở trang 50 | vị trí 700-701 | ${ADDED}`,
      'Cụ cố Hồng',
    );
    const outcome = await importFile('My Clippings.txt', CLIPPINGS + more);
    expect(outcome.highlights).toMatchObject({ anchored: 0, highlightsOnly: 1 });
    const after = await call<Annotation[]>('listAnnotations', { articleId: entry.id });
    expect(after.map((a) => [a.target.quote.exact, a.orphaned])).toEqual([
      ['Xuân Tóc Đỏ *nổi* tiếng', false],
      ['Cụ cố Hồng', false],
    ]);
    expect(await call<ArticleMeta[]>('listArticles')).toHaveLength(2);
  });

  it('places a Hypothesis highlight on the occurrence its context names, and adds page notes to the article note', async () => {
    const sample = (await importFile('son-tra-khao-sat.txt', SAMPLE.toString())).article;
    const text = (await call<ArticleContent>('getArticle', { id: sample.id })).text;
    const wanted = text.indexOf('Sơn Trà', text.indexOf('Bí thư Quận ủy'));
    const annotation = (id: string, selector: unknown[], note: string) => ({
      id,
      created: '2024-04-30T08:00:00+00:00',
      uri: 'https://example.org/son-tra',
      text: note,
      tags: ['Đà Nẵng'],
      target: [{ source: 'https://example.org/son-tra', selector }],
      document: { title: [SAMPLE_TITLE] },
    });
    const file = JSON.stringify({
      export_date: '2024-05-01T00:00:00Z',
      annotations: [
        annotation(
          'h1',
          [{ type: 'TextQuoteSelector', exact: 'Sơn Trà', prefix: 'Bí thư Quận ủy ', suffix: ' Trần Thắng' }],
          'Quận',
        ),
        annotation('h2', [], 'Bài đáng đọc'),
      ],
    });
    const outcome = await importFile('hypothesis.json', file);
    expect(outcome.highlights).toMatchObject({
      format: 'hypothesis',
      anchored: 1,
      highlightsOnly: 0,
      notes: 1,
    });
    const [placed] = await call<Annotation[]>('listAnnotations', { articleId: sample.id });
    expect(placed!.target.position.start).toBe(wanted);
    expect(placed!.tags).toEqual(['Đà Nẵng']);
    expect(await call('getArticleNote', { articleId: sample.id })).toBe('Bài đáng đọc');
    expect((await importFile('hypothesis.json', file)).highlights).toMatchObject({
      anchored: 0,
      notes: 0,
      duplicates: 1,
    });
  });

  it('imports KOReader and Readwise exports through importFile, with tags reaching the tag registry', async () => {
    const koreader = {
      title: 'Truyện Kiều',
      author: 'Nguyễn Du',
      entries: [
        {
          page: 1,
          time: 1_699_999_000,
          chapter: 'Hồi 1',
          text: 'Trăm năm trong cõi người ta',
          note: 'Mở đầu',
        },
      ],
    };
    expect((await importFile('kieu.json', JSON.stringify(koreader))).highlights).toMatchObject({
      format: 'koreader',
      highlightsOnly: 1,
    });
    const csv =
      'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\n' +
      'Chữ tài chữ mệnh khéo là ghét nhau,Truyện Kiều,Nguyễn Du,,,blue,"thơ,lục bát",location,12,2021-05-03 14:22:00+00:00,cổ điển\n';
    const outcome = await importFile('readwise-data.csv', csv);
    expect(outcome.highlights).toMatchObject({ format: 'readwise', highlightsOnly: 1 });
    // Both went to the one entry of the book: the title matched the KOReader entry.
    const entry = await articleTitled('Truyện Kiều');
    const tagged = await call<Annotation[]>('listAnnotationsByTag', { tag: 'lục bát' });
    expect(tagged.map((a) => [a.articleId, a.color])).toEqual([[entry.id, 'blue']]);
  });
});

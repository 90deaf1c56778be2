import { describe, expect, it } from 'vitest';
import { readHighlightsFile } from './detect';

const bytes = (text: string) => new TextEncoder().encode(text);

/** KOReader's exporter, JSON target, one book (entries as it writes them). */
const KOREADER_ONE = {
  title: 'Truyện Kiều',
  author: 'Nguyễn Du',
  file: '/mnt/onboard/Books/truyen-kieu.epub',
  number_of_pages: 210,
  created_on: 1_700_000_000,
  version: 'KOReader v2024.04',
  entries: [
    {
      page: 1,
      time: 1_699_999_000,
      sort: 'highlight',
      drawer: 'lighten',
      color: 'cyan',
      chapter: 'Hồi 1',
      text: 'Trăm năm trong cõi người ta,\nChữ tài chữ mệnh khéo là ghét nhau.',
      note: 'Câu mở đầu',
    },
    { page: 3, time: 1_699_999_500, sort: 'highlight', drawer: 'underscore', chapter: 'Hồi 1', text: '' },
  ],
};

/** Hypothesis client export (`export_date`, `annotations` as the API returns them). */
const HYPOTHESIS = {
  export_date: '2024-05-01T10:00:00.000Z',
  export_userid: 'acct:reader@hypothes.is',
  client_version: '1.1400.0',
  annotations: [
    {
      id: 'hyp-1',
      created: '2024-04-30T08:00:00.000000+00:00',
      updated: '2024-04-30T08:00:00.000000+00:00',
      user: 'acct:reader@hypothes.is',
      uri: 'https://example.org/son-tra',
      text: 'Important **figure**',
      tags: ['biology', 'Đà Nẵng'],
      group: '__world__',
      target: [
        {
          source: 'https://example.org/son-tra',
          selector: [
            { type: 'TextPositionSelector', start: 120, end: 140 },
            {
              type: 'TextQuoteSelector',
              exact: 'voọc chà vá chân nâu',
              prefix: 'quần thể ',
              suffix: ' trên bán đảo',
            },
          ],
        },
      ],
      document: { title: ['Khảo sát Sơn Trà'] },
      links: { html: 'https://hypothes.is/a/hyp-1' },
    },
    {
      id: 'hyp-2',
      created: '2024-04-30T09:00:00+00:00',
      uri: 'https://example.org/son-tra',
      text: 'A note about the whole page',
      tags: [],
      target: [{ source: 'https://example.org/son-tra' }],
      document: { title: ['Khảo sát Sơn Trà'] },
    },
    {
      id: 'hyp-3',
      created: '2024-04-30T09:30:00+00:00',
      uri: 'https://example.org/son-tra',
      text: 'I agree',
      references: ['hyp-1'],
      target: [{ source: 'https://example.org/son-tra' }],
    },
  ],
};

const READWISE = [
  'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags',
  '"He said, ""stay"" and left.",Dune,Frank Herbert,B00B7NPRY8,Key line,pink,"desert,politics",location,1204,2021-05-03 14:22:00+00:00,scifi',
  'Fear is the mind-killer.,Dune,Frank Herbert,B00B7NPRY8,,yellow,,location,1300,2021-05-04 08:00:00+00:00,scifi',
  '"A quote\nover two lines",Some Article,,,,,,,,2022-01-01 00:00:00+00:00,',
].join('\r\n');

describe('readHighlightsFile', () => {
  it('reads a KOReader JSON export: title, author, quote, note, chapter and page, colour, date', () => {
    const parsed = readHighlightsFile('Truyện Kiều.json', bytes(JSON.stringify(KOREADER_ONE)))!;
    expect(parsed.format).toBe('koreader');
    expect(parsed.ignored).toBe(1);
    const [book] = parsed.books;
    expect([book!.title, book!.author, book!.source]).toEqual(['Truyện Kiều', 'Nguyễn Du', 'KOReader']);
    expect(book!.highlights).toEqual([
      {
        quote: 'Trăm năm trong cõi người ta,\nChữ tài chữ mệnh khéo là ghét nhau.',
        note: 'Câu mở đầu',
        tags: [],
        color: 'blue',
        created: new Date(1_699_999_000_000).toISOString(),
        where: 'Hồi 1, page 1',
        key: 'page:1@1699999000',
      },
    ]);
  });

  it('reads a KOReader export of several books', () => {
    const parsed = readHighlightsFile(
      'all-books.json',
      bytes(
        JSON.stringify({
          created_on: 1,
          version: 'x',
          documents: [KOREADER_ONE, { ...KOREADER_ONE, title: 'Other' }],
        }),
      ),
    )!;
    expect(parsed.books.map((b) => b.title)).toEqual(['Truyện Kiều', 'Other']);
  });

  it('reads a Hypothesis export: quotes with context, notes, tags; page notes kept, replies ignored', () => {
    const parsed = readHighlightsFile('hypothesis-export.json', bytes(JSON.stringify(HYPOTHESIS)))!;
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.ignored).toBe(1);
    const [page] = parsed.books;
    expect([page!.title, page!.source]).toEqual(['Khảo sát Sơn Trà', 'https://example.org/son-tra']);
    expect(page!.highlights).toEqual([
      {
        quote: 'voọc chà vá chân nâu',
        note: 'Important **figure**',
        tags: ['biology', 'Đà Nẵng'],
        color: null,
        created: '2024-04-30T08:00:00.000Z',
        where: null,
        key: 'id:hyp-1',
        context: { prefix: 'quần thể ', suffix: ' trên bán đảo', start: 120 },
      },
    ]);
    expect(page!.notes).toEqual([
      { text: 'A note about the whole page', where: null, created: '2024-04-30T09:00:00+00:00' },
    ]);
    // The API's search answer has the same annotations under `rows`.
    const rows = readHighlightsFile(
      'search.json',
      bytes(JSON.stringify({ total: 3, rows: HYPOTHESIS.annotations })),
    )!;
    expect(rows.books[0]!.highlights).toHaveLength(1);
  });

  it('reads a Readwise CSV export: quoted fields, notes, colours, tags, locations, dates, document tags', () => {
    const parsed = readHighlightsFile('readwise-data.csv', bytes(`\uFEFF${READWISE}`))!;
    expect(parsed.format).toBe('readwise');
    expect(parsed.books.map((b) => [b.title, b.author, b.tags, b.highlights.length])).toEqual([
      ['Dune', 'Frank Herbert', ['scifi'], 2],
      ['Some Article', null, [], 1],
    ]);
    expect(parsed.books[0]!.highlights[0]).toEqual({
      quote: 'He said, "stay" and left.',
      note: 'Key line',
      tags: ['desert', 'politics'],
      color: 'magenta',
      created: '2021-05-03T14:22:00.000Z',
      where: 'location 1204',
      key: 'location:1204',
    });
    expect(parsed.books[1]!.highlights[0]!.quote).toBe('A quote\nover two lines');
  });

  it('leaves other files to the article importers', () => {
    expect(readHighlightsFile('story.txt', bytes('A story\n\n=====\nwith a rule'))).toBeNull();
    expect(readHighlightsFile('notes.md', bytes('==========\n- a | b'))).toBeNull();
    expect(readHighlightsFile('data.json', bytes('{"a": 1}'))).toBeNull();
    expect(readHighlightsFile('table.csv', bytes('a,b\n1,2'))).toBeNull();
  });

  it('refuses an export that holds nothing to import', () => {
    expect(() =>
      readHighlightsFile('empty.json', bytes(JSON.stringify({ ...KOREADER_ONE, entries: [] }))),
    ).toThrow(/holds no highlights/);
  });
});

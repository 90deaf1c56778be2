import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlossError } from '../result';
import { describeRange } from '../text/selectors';
import type { Annotation, HighlightColor } from '../model/annotation';
import type { ArticleMeta } from '../model/article';
import { DEFAULT_TEMPLATE, renderMarkdown, type ArticleExport } from './markdown';
import { readDocument } from './markers';

/** The Vietnamese sample article, canonical: NFC, LF line ends. */
const sample = readFileSync(
  new URL('../../../resources/samples/son-tra-khao-sat.txt', import.meta.url),
  'utf8',
)
  .normalize('NFC')
  .replace(/\r\n?/g, '\n');

const EXPORTED = '2024-05-01T08:30:00.000Z';

function article(id: string, title: string, overrides: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id,
    title,
    author: null,
    published: null,
    sourceFile: `articles/${id}.txt`,
    format: 'txt',
    contentHash: '0'.repeat(64),
    wordCount: 100,
    charCount: 1000,
    tags: [],
    progress: 0,
    highlightCount: 0,
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
    deleted: false,
    ...overrides,
  };
}

function highlight(
  id: string,
  articleId: string,
  text: string,
  quote: string,
  fields: { color?: HighlightColor; note?: string; tags?: string[]; orphaned?: boolean } = {},
): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not in text: ${quote}`);
  return {
    id,
    articleId,
    target: describeRange(text, start, start + quote.length),
    color: fields.color ?? 'yellow',
    note: fields.note ?? '',
    tags: fields.tags ?? [],
    createdAt: '2024-04-02T09:00:00.000Z',
    updatedAt: '2024-04-03T10:00:00.000Z',
    deleted: false,
    orphaned: fields.orphaned ?? false,
  };
}

const SON_TRA_ID = '6f1d2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

const sonTra: ArticleExport = {
  article: article(
    SON_TRA_ID,
    'Đoàn khảo sát của Ban Chỉ đạo Đề án Trung ương 6 làm việc với Đảng bộ Q. Sơn Trà',
    {
      author: 'LÊ ANH TUẤN',
      published: '2022-04-01',
      sourceFile: 'articles/son-tra-khao-sat.txt',
      tags: ['Tin tức', 'Đà Nẵng', '2022'],
    },
  ),
  note: 'Bài về Nghị quyết số 15-NQ/TW.\n\n- theo dõi Hội nghị T.Ư 6\n# Không phải tiêu đề',
  highlights: [
    highlight('0a1b2c3d-0000-4000-8000-000000000001', SON_TRA_ID, sample, 'Ban Chỉ đạo Đề án Trung ương 6', {
      tags: ['Nghị quyết', 'Trung ương'],
    }),
    highlight(
      '0a1b2c3d-0000-4000-8000-000000000002',
      SON_TRA_ID,
      sample,
      'Đồng chí Nguyễn Quang Dương phát biểu tại buổi làm việc.\nĐồng chí Nguyễn Quang Dương phát biểu tại buổi làm việc.',
      { color: 'blue', note: 'Chú thích ảnh lặp lại hai lần.' },
    ),
    highlight('1f2e3d4c-0000-4000-8000-000000000003', SON_TRA_ID, sample, 'ý Đảng – lòng Dân', {
      color: 'green',
      note: '## Vì sao quan trọng\n\n- gạch đầu dòng\n- [liên kết](https://example.com)\n1. số thứ tự\n\n> trích dẫn của tôi\n\nGiữ #thẻ, **đậm** và `mã` giữa dòng.\n```\nkhối mã chưa đóng',
      tags: ['chính trị/xã hội', 'C++ & Rust', '???'],
    }),
    highlight('2a3b4c5d-0000-4000-8000-000000000004', SON_TRA_ID, sample, 'Hội nghị T.Ư 6', {
      color: 'gray',
      orphaned: true,
    }),
  ],
};

const MARKUP_ID = '7e8f9a0b-2c3d-4e5f-9a0b-1c2d3e4f5a6b';
const markupText = [
  '# Không phải tiêu đề',
  '> không phải trích dẫn',
  '- không phải danh sách',
  '+ cũng không',
  '* cũng không',
  '1. không phải danh sách số',
  '| không | phải bảng |',
  '```',
  'Giữa dòng có #thẻ, *nghiêng*, [liên kết](x), <b>html</b>, ==tô==, %%ẩn%% và ^khối.',
  '---',
].join('\n');

const markup: ArticleExport = {
  article: article(MARKUP_ID, 'Ghi chú #1: [[Markdown]] / Obsidian?'),
  note: '',
  highlights: [highlight('3c4d5e6f-0000-4000-8000-000000000005', MARKUP_ID, markupText, markupText)],
};

describe('renderMarkdown with the default template', () => {
  it('writes the Vietnamese sample as the golden file', async () => {
    const [file] = renderMarkdown([sonTra], { combined: false, exported: EXPORTED, combinedName: 'x.md' });
    expect(file?.name).toBe(
      'Đoàn khảo sát của Ban Chỉ đạo Đề án Trung ương 6 làm việc với Đảng bộ Q. Sơn Trà.md',
    );
    await expect(file?.content).toMatchFileSnapshot('golden/son-tra-khao-sat.md');
  });

  it('escapes quotes that look like Markdown, as the golden file shows', async () => {
    const [file] = renderMarkdown([markup], { combined: false, exported: EXPORTED, combinedName: 'x.md' });
    expect(file?.name).toBe('Ghi chú - 1 - Markdown - Obsidian.md');
    await expect(file?.content).toMatchFileSnapshot('golden/markup.md');
  });

  it('keeps every quote line and highlight in document order, orphans marked', () => {
    const content = renderMarkdown([sonTra], { combined: false, exported: EXPORTED, combinedName: 'x.md' })[0]
      ?.content;
    const ids = [...(content ?? '').matchAll(/^\^(gloss-[0-9a-z-]+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual([
      'gloss-0a1b2c3d',
      'gloss-0a1b2c3d000040008000000000000002',
      'gloss-1f2e3d4c',
      'gloss-2a3b4c5d',
    ]);
    expect(content).toContain(
      '> Đồng chí Nguyễn Quang Dương phát biểu tại buổi làm việc.\n> Đồng chí Nguyễn Quang Dương phát biểu tại buổi làm việc.',
    );
    expect(content).toMatch(/⬜ · Orphaned: not found in the current text/);
  });

  it('puts every article between its own markers in one combined file', () => {
    const files = renderMarkdown([sonTra, markup], {
      combined: true,
      exported: EXPORTED,
      combinedName: 'Gloss export.md',
    });
    expect(files.map((f) => f.name)).toEqual(['Gloss export.md']);
    const doc = readDocument(files[0]?.content ?? '');
    expect(doc.sections.map((s) => s.id)).toEqual([SON_TRA_ID, MARKUP_ID]);
    expect(doc.frontMatter).toBe(`title: "Gloss export"\nexported: "${EXPORTED}"\narticles: 2\n`);
    expect(doc.sections[0]?.body).toContain('- Author: LÊ ANH TUẤN\n- Published: 2022-04-01');
    expect(doc.sections[0]?.body).not.toContain('gloss-id');
  });

  it('numbers articles whose titles make the same file name', () => {
    const twin = { ...markup, article: { ...markup.article, id: 'other' } };
    const names = renderMarkdown([markup, twin], {
      combined: false,
      exported: EXPORTED,
      combinedName: 'x.md',
    }).map((f) => f.name);
    expect(names).toEqual([
      'Ghi chú - 1 - Markdown - Obsidian.md',
      'Ghi chú - 1 - Markdown - Obsidian (2).md',
    ]);
  });
});

const BOOK_ID = '9a8b7c6d-3e4f-4a5b-8c7d-6e5f4a3b2c1d';
const bookText = [
  'Lời nói đầu về sông Hàn.',
  'Chương 1: Buổi sáng',
  'Sáng sớm trên cầu Rồng.',
  'Chương 2: Chợ Hàn *đông*',
  'Hàng cá ở chợ Hàn.',
  'Trái cây ở chợ Hàn.',
].join('\n\n');
const at = (label: string, level: number, line: string) => ({ label, level, offset: bookText.indexOf(line) });

const book: ArticleExport = {
  article: article(BOOK_ID, 'Sông Hàn kể chuyện', { format: 'epub', sourceFile: 'articles/song-han.epub' }),
  note: '',
  highlights: [
    highlight('5a000000-0000-4000-8000-000000000001', BOOK_ID, bookText, 'Lời nói đầu'),
    highlight('5a000000-0000-4000-8000-000000000002', BOOK_ID, bookText, 'cầu Rồng'),
    highlight('5a000000-0000-4000-8000-000000000003', BOOK_ID, bookText, 'Hàng cá'),
    highlight('5a000000-0000-4000-8000-000000000004', BOOK_ID, bookText, 'Trái cây'),
  ],
  outline: [
    at('Phần một', 1, 'Chương 1'),
    at('Chương 1', 2, 'Chương 1'),
    at('Chương 2: Chợ Hàn *đông*', 2, 'Chương 2'),
  ],
};

describe('renderMarkdown of a book', () => {
  const render = (template?: string) =>
    renderMarkdown([book], { template, combined: false, exported: EXPORTED, combinedName: 'x.md' })[0]
      ?.content ?? '';

  it('groups the highlights under the headings of their chapters, in order', () => {
    const body = render().split('## Highlights\n')[1] ?? '';
    const outline = body.split('\n').filter((line) => line.startsWith('### ') || line.startsWith('> '));
    expect(outline).toEqual([
      '> Lời nói đầu',
      '### Chương 1',
      '> cầu Rồng',
      '### Chương 2: Chợ Hàn \\*đông\\*',
      '> Hàng cá',
      '> Trái cây',
    ]);
  });

  it("gives a template each highlight's chapter and the chapters with their highlights", () => {
    const template =
      '{{#each highlights}}{{index}}:{{chapterText}}|{{/each}}\n' +
      '{{#each chapters}}[{{level}} {{titleText}}:{{#each highlights}} {{quoteText}}{{/each}}]{{/each}}';
    const [first, second] = readDocument(render(template)).sections[0]?.body.split('\n') ?? [];
    expect(first).toBe('1:|2:Chương 1|3:Chương 2: Chợ Hàn *đông*|4:Chương 2: Chợ Hàn *đông*|');
    expect(second).toBe(
      '[0 : Lời nói đầu][2 Chương 1: cầu Rồng][2 Chương 2: Chợ Hàn *đông*: Hàng cá Trái cây]',
    );
  });
});

describe('user templates', () => {
  const render = (template: string, articles: ArticleExport[] = [sonTra]) =>
    renderMarkdown(articles, { template, combined: false, exported: EXPORTED, combinedName: 'x.md' })[0]
      ?.content;

  it('see the documented article and highlight variables', () => {
    const template = [
      '---',
      'title: {{yaml titleText}}',
      'highlights: {{highlightCount}}',
      '---',
      '{{title}} | {{author}} | {{published}} | {{source}} | {{hashtags}} | {{wordCount}} | {{exported}} | {{id}}',
      '{{#each tags}}[{{this}}]{{/each}}',
      '{{#each highlights}}',
      '{{index}}. {{color}} {{blockId}} {{start}}-{{end}} {{orphaned}} {{created}} {{updated}} {{hashtags}} {{../titleText}}',
      '{{/each}}',
    ].join('\n');
    const { frontMatter, sections } = readDocument(render(template) ?? '');
    expect(frontMatter).toBe(`title: "${sonTra.article.title}"\nhighlights: 4\n`);
    const lines = sections[0]?.body.split('\n') ?? [];
    expect(lines[0]).toBe(
      `${sonTra.article.title} | LÊ ANH TUẤN | 2022-04-01 | articles/son-tra-khao-sat.txt | #Tin-tức #Đà-Nẵng #_2022 | 100 | ${EXPORTED} | ${SON_TRA_ID}`,
    );
    expect(lines[1]).toBe('[Tin-tức][Đà-Nẵng][_2022]');
    const first = sonTra.highlights[0];
    expect(lines[2]).toBe(
      `1. yellow gloss-0a1b2c3d ${first?.target.position.start}-${first?.target.position.end} false 2024-04-02T09:00:00.000Z 2024-04-03T10:00:00.000Z #Nghị-quyết #Trung-ương ${sonTra.article.title}`,
    );
    expect(lines[5]).toMatch(/^4\. gray gloss-2a3b4c5d \d+-\d+ true /);
  });

  it('offer quotes and notes escaped, as blockquotes, and exactly as written', () => {
    const out = render(
      '{{#each highlights}}{{quote}}\n{{quoteBlock}}\n{{quoteText}}\n{{note}}\n{{noteText}}{{/each}}',
      [markup],
    );
    expect(out).toContain('\\# Không phải tiêu đề\n\\> không phải trích dẫn');
    expect(out).toContain('> \\# Không phải tiêu đề\n> \\> không phải trích dẫn');
    expect(out).toContain(`${markupText}\n`);
  });

  it('report a syntax error with its line, before rendering anything', () => {
    const attempt = () => render('# {{title}}\n\n{{#each highlights}}\n{{quote}}\n{{/if}}\n');
    expect(attempt).toThrow(GlossError);
    expect(attempt).toThrow(/^Template error on line 3: each doesn't match if/);
    expect(() => render('ok\n{{title')).toThrow(/^Template error on line 2:/);
  });

  it('report an unknown variable with its line', () => {
    expect(() => render('{{title}}\n{{#each highlights}}\n{{title}}\n{{/each}}')).toThrow(
      /^Template error on line 3: unknown variable "title"/,
    );
  });

  it('report front matter that is not YAML, naming the article', () => {
    expect(() => render('---\ntitle: [{{titleText}}\n---\nbody')).toThrow(/front matter .*“Đoàn khảo sát/);
  });

  it('print a note as the Markdown the user wrote, and the colour in the marker style asked for', () => {
    const green = sonTra.highlights[2]!;
    const out = renderMarkdown([{ ...sonTra, highlights: [green] }], {
      combined: false,
      exported: EXPORTED,
      combinedName: 'x.md',
      colorMarker: 'text',
    })[0]?.content;
    expect(out).toContain('## Vì sao quan trọng\n\n- gạch đầu dòng\n');
    expect(out).toContain('\n> trích dẫn của tôi\n');
    expect(out).toContain('khối mã chưa đóng\n```\n<!-- gloss:end -->');
    expect(out).toContain('Colour: green · #chính-trị/xã-hội');
  });

  it('give clean Markdown for the clipboard: no front matter, no markers', () => {
    const [file] = renderMarkdown([sonTra], {
      combined: false,
      exported: EXPORTED,
      combinedName: 'notes.md',
      clean: true,
    });
    expect(file?.name).toBe('notes.md');
    expect(file?.content.startsWith(`# ${sonTra.article.title}`)).toBe(true);
    expect(file?.content).not.toContain('<!-- gloss:');
    expect(file?.content).not.toContain('---\ntitle');
  });

  it('may not print a Gloss marker line, which would break re-export', () => {
    const withMarker = { ...sonTra, note: 'trước\n<!-- gloss:end -->\nsau' };
    expect(() => render('{{noteText}}', [withMarker])).toThrow(/reads as a Gloss marker/);
    expect(render('{{note}}', [withMarker])).toContain('\\<!-- gloss:end -->');
  });

  it('start from the default template, which renders the same as no template', () => {
    expect(render(DEFAULT_TEMPLATE)).toBe(
      renderMarkdown([sonTra], { combined: false, exported: EXPORTED, combinedName: 'x.md' })[0]?.content,
    );
  });
});

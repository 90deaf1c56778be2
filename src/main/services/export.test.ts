import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderExportSchema } from '../../shared/contract/export';
import { GlossError } from '../../shared/result';
import type { Annotation } from '../../shared/model/annotation';
import type { ArticleMeta } from '../../shared/model/article';
import { exportHandlers, importWebAnnotations, renderExport, writeExportFiles } from './export';
import { MemoryExportSource, type MemoryLibrary } from './memory-export-source';

const NOW = new Date('2024-05-01T08:30:00.000Z');

function article(id: string, title: string, tags: string[] = []): ArticleMeta {
  return {
    id,
    title,
    author: 'LÊ ANH TUẤN',
    published: '2022-04-01',
    sourceFile: `articles/${id}.txt`,
    format: 'txt',
    contentHash: 'f'.repeat(64),
    wordCount: 600,
    charCount: 3700,
    tags,
    progress: 0.5,
    highlightCount: 2,
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
    deleted: false,
  };
}

function annotation(
  id: string,
  articleId: string,
  start: number,
  exact: string,
  extra: Partial<Annotation> = {},
) {
  const a: Annotation = {
    id,
    articleId,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'trước ', suffix: ' sau' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: '2024-04-02T09:00:00.000Z',
    updatedAt: '2024-04-02T09:00:00.000Z',
    deleted: false,
    orphaned: false,
    ...extra,
  };
  return a;
}

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

function library(): MemoryLibrary {
  return {
    articles: [
      article(A, 'Đảng bộ Q. Sơn Trà', ['Đà Nẵng']),
      article(B, 'Hội nghị T.Ư 6'),
      { ...article(C, 'Bài đã xoá'), deleted: true },
    ],
    notes: { [A]: 'Ghi chú về bài.' },
    annotations: [
      annotation('aaaaaaaa-0000-4000-8000-000000000002', A, 300, 'lòng Dân', {
        color: 'green',
        note: 'Ý chính',
        tags: ['chính trị'],
      }),
      annotation('aaaaaaaa-0000-4000-8000-000000000001', A, 10, 'Ban Chỉ đạo', { tags: ['Nghị quyết'] }),
      annotation('aaaaaaaa-0000-4000-8000-000000000003', A, 500, 'đã xoá', { deleted: true }),
      annotation('bbbbbbbb-0000-4000-8000-000000000001', B, 40, 'Hội nghị', {
        tags: ['nghị quyết'],
        orphaned: true,
      }),
      annotation('bbbbbbbb-0000-4000-8000-000000000002', B, 90, 'tổng kết'),
    ],
  };
}

const request = (input: unknown) => renderExportSchema.parse(input);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderExport', () => {
  it("groups a book's highlights under its chapters, found in its contents, and leaves articles as they are", async () => {
    const text = 'Chương 1\n\nMở đầu sông Hàn.\n\nChương 2\n\nCuối sông Hàn.';
    const blocks = [
      { kind: 'h1' as const, start: 0, end: 8, toc: [{ label: 'Một', level: 1 }] },
      { kind: 'p' as const, start: 10, end: 26 },
      { kind: 'h1' as const, start: 28, end: 36, toc: [{ label: 'Hai', level: 1 }] },
      { kind: 'p' as const, start: 38, end: 52 },
    ];
    const book = { ...article(C, 'Sách'), format: 'epub' as const, sourceFile: 'articles/sach.epub' };
    const highlights = [
      annotation('cccccccc-0000-4000-8000-000000000001', C, 10, 'Mở đầu'),
      annotation('cccccccc-0000-4000-8000-000000000002', C, 38, 'Cuối'),
    ];
    const contents = { [C]: { text, blocks }, [A]: { text, blocks } };
    const source = new MemoryExportSource({
      ...library(),
      articles: [book, article(A, 'Bài')],
      annotations: [...library().annotations, ...highlights],
      contents,
    });
    const [bookFile] = await renderExport(
      source,
      request({ scope: { kind: 'article', id: C }, format: 'md' }),
      NOW,
    );
    expect(bookFile?.content).toMatch(/### Một\n\n> Mở đầu\n[^]*### Hai\n\n> Cuối\n/);
    const [articleFile] = await renderExport(
      source,
      request({ scope: { kind: 'article', id: A }, format: 'md' }),
      NOW,
    );
    expect(articleFile?.content).not.toContain('###');
  });

  it('renders one article with its live highlights in document order', async () => {
    const [file] = await renderExport(
      new MemoryExportSource(library()),
      request({ scope: { kind: 'article', id: A }, format: 'md' }),
      NOW,
    );
    expect(file?.name).toBe('Đảng bộ Q. Sơn Trà.md');
    const content = file?.content ?? '';
    expect(content.indexOf('> Ban Chỉ đạo')).toBeLessThan(content.indexOf('> lòng Dân'));
    expect(content).not.toContain('đã xoá');
    expect(content).toContain('Ghi chú về bài.');
    expect(content).toContain(`exported: "${NOW.toISOString()}"`);
  });

  it('renders the whole library as one file per live article, or one combined file', async () => {
    const source = new MemoryExportSource(library());
    const files = await renderExport(source, request({ scope: { kind: 'all' }, format: 'md' }), NOW);
    expect(files.map((f) => f.name)).toEqual(['Đảng bộ Q. Sơn Trà.md', 'Hội nghị T.Ư 6.md']);
    const combined = await renderExport(
      source,
      request({ scope: { kind: 'all' }, format: 'md', combined: true }),
      NOW,
    );
    expect(combined.map((f) => f.name)).toEqual(['Gloss export.md']);
    expect(combined[0]?.content.match(/<!-- gloss:start/g)).toHaveLength(2);
  });

  it('leaves articles without highlights or a note out of a library export, unless asked', async () => {
    const lib = library();
    const bare = '44444444-4444-4444-8444-444444444444';
    const source = new MemoryExportSource({ ...lib, articles: [...lib.articles, article(bare, 'Chưa đọc')] });
    const files = await renderExport(source, request({ scope: { kind: 'all' }, format: 'md' }), NOW);
    expect(files.map((f) => f.name)).not.toContain('Chưa đọc.md');
    const all = await renderExport(
      source,
      request({ scope: { kind: 'all' }, format: 'md', includeEmpty: true }),
      NOW,
    );
    expect(all.map((f) => f.name)).toContain('Chưa đọc.md');
    const none = new MemoryExportSource({ articles: [article(bare, 'Chưa đọc')], annotations: [] });
    await expect(renderExport(none, request({ scope: { kind: 'all' }, format: 'md' }))).rejects.toThrow(
      'no article has highlights or a note',
    );
  });

  it('exports a tag: whole articles tagged with it, and the tagged highlights of others', async () => {
    const source = new MemoryExportSource(library());
    const byArticleTag = await renderExport(
      source,
      request({ scope: { kind: 'tag', tag: 'đà nẵng' }, format: 'md' }),
      NOW,
    );
    expect(byArticleTag.map((f) => f.name)).toEqual(['Đảng bộ Q. Sơn Trà.md']);
    expect(byArticleTag[0]?.content).toContain('> lòng Dân');
    const byHighlightTag = await renderExport(
      source,
      request({ scope: { kind: 'tag', tag: 'Nghị quyết' }, format: 'md', combined: true }),
      NOW,
    );
    const content = byHighlightTag[0]?.content ?? '';
    expect(byHighlightTag[0]?.name).toBe('Gloss export - Nghị quyết.md');
    expect(content).toContain('> Ban Chỉ đạo');
    expect(content).toContain('> Hội nghị');
    expect(content).not.toContain('> lòng Dân');
    expect(content).not.toContain('> tổng kết');
  });

  it('exports the articles of the current filter, in the given order', async () => {
    const files = await renderExport(
      new MemoryExportSource(library()),
      request({ scope: { kind: 'articles', ids: [B, A] }, format: 'md' }),
      NOW,
    );
    expect(files.map((f) => f.name)).toEqual(['Hội nghị T.Ư 6.md', 'Đảng bộ Q. Sơn Trà.md']);
  });

  it('says what is wrong when there is nothing to export', async () => {
    const source = new MemoryExportSource(library());
    await expect(
      renderExport(source, request({ scope: { kind: 'article', id: C }, format: 'md' })),
    ).rejects.toThrow(`There is no article with id "${C}".`);
    await expect(
      renderExport(source, request({ scope: { kind: 'tag', tag: 'không có' }, format: 'md' })),
    ).rejects.toThrow('no article or highlight has the tag “không có”');
    const empty = new MemoryExportSource({ articles: [], annotations: [] });
    await expect(renderExport(empty, request({ scope: { kind: 'all' }, format: 'json' }))).rejects.toThrow(
      'no articles',
    );
    await expect(
      renderExport(source, request({ scope: { kind: 'all' }, format: 'json', template: '{{title}}' })),
    ).rejects.toThrow('Markdown export only');
  });

  it('serves the contract through exportHandlers', async () => {
    const handlers = exportHandlers(new MemoryExportSource(library()));
    const { files } = await handlers.renderExport(
      request({ scope: { kind: 'article', id: B }, format: 'json' }),
    );
    expect(files.map((f) => f.name)).toEqual(['Hội nghị T.Ư 6.json']);
    const empty = new MemoryExportSource({ articles: library().articles, annotations: [] });
    await expect(
      exportHandlers(empty).importWebAnnotations({ json: files[0]?.content ?? '' }),
    ).resolves.toEqual({
      imported: 2,
      skipped: 0,
    });
  });
});

describe('JSON round trip', () => {
  it('library → JSON → empty library gives identical annotations', async () => {
    const full = new MemoryExportSource(library());
    const [file] = await renderExport(full, request({ scope: { kind: 'all' }, format: 'json' }), NOW);
    const empty = new MemoryExportSource({ articles: library().articles, annotations: [] });
    const result = await importWebAnnotations(empty, file?.content ?? '', NOW);
    expect(result).toEqual({ imported: 4, skipped: 0 });
    const live = full.allAnnotations().filter((a) => !a.deleted);
    expect(empty.allAnnotations()).toEqual(live);
  });

  it('skips annotations already present, repeated, or whose article the library lacks', async () => {
    const full = new MemoryExportSource(library());
    const [file] = await renderExport(full, request({ scope: { kind: 'all' }, format: 'json' }), NOW);
    const doc = JSON.parse(file?.content ?? '');
    doc.first.items.push(doc.first.items[0]);
    const partial = new MemoryExportSource({
      articles: [library().articles[0] as ArticleMeta],
      annotations: library().annotations.slice(0, 1),
    });
    expect(await importWebAnnotations(partial, JSON.stringify(doc), NOW)).toEqual({
      imported: 1,
      skipped: 4,
    });
  });

  it('imports nothing from a file that is not Web Annotation', async () => {
    const empty = new MemoryExportSource({ articles: library().articles, annotations: [] });
    const notWa = JSON.stringify({ '@context': 'https://schema.org', type: 'AnnotationPage', items: [] });
    await expect(importWebAnnotations(empty, notWa)).rejects.toThrow(/not W3C Web Annotation JSON/);
    await expect(importWebAnnotations(empty, 'title,author\n')).rejects.toThrow(/not JSON/);
    expect(empty.allAnnotations()).toEqual([]);
  });
});

describe('writeExportFiles', () => {
  const source = () => new MemoryExportSource(library());
  const allMd = async () => renderExport(source(), request({ scope: { kind: 'all' }, format: 'md' }), NOW);

  it('writes a folder of Markdown files, creating the folder', async () => {
    const out = path.join(dir, 'vault', 'Gloss');
    const written = await writeExportFiles(await allMd(), { kind: 'folder', path: out });
    expect(written).toEqual([path.join(out, 'Đảng bộ Q. Sơn Trà.md'), path.join(out, 'Hội nghị T.Ư 6.md')]);
    expect((await readdir(out)).sort()).toEqual(['Hội nghị T.Ư 6.md', 'Đảng bộ Q. Sơn Trà.md'].sort());
  });

  it('re-export keeps what the user wrote outside the markers and updates the rest', async () => {
    const files = await allMd();
    await writeExportFiles(files, { kind: 'folder', path: dir });
    const file = path.join(dir, 'Đảng bộ Q. Sơn Trà.md');
    const first = await readFile(file, 'utf8');
    const edited = first
      .replace('gloss-id:', 'aliases: ["Sơn Trà"]\ngloss-id:')
      .replace('<!-- gloss:start', 'Tôi viết ở đầu.\n\n<!-- gloss:start')
      .concat('\n## Của tôi\n\nSuy nghĩ thêm #riêng\n');
    await writeFile(file, edited);
    const changed = library();
    (changed.annotations[0] as Annotation).note = 'Ý chính, sửa lại';
    const again = await renderExport(
      new MemoryExportSource(changed),
      request({ scope: { kind: 'all' }, format: 'md' }),
      new Date('2024-06-01T00:00:00.000Z'),
    );
    await writeExportFiles(again, { kind: 'folder', path: dir });
    const second = await readFile(file, 'utf8');
    expect(second).toContain('aliases: ["Sơn Trà"]');
    expect(second).toContain('exported: "2024-06-01T00:00:00.000Z"');
    expect(second).toContain('Tôi viết ở đầu.\n\n<!-- gloss:start');
    expect(second).toContain('Ý chính, sửa lại');
    expect(second).not.toContain('Ý chính\n');
    expect(second.endsWith('<!-- gloss:end -->\n\n## Của tôi\n\nSuy nghĩ thêm #riêng\n')).toBe(true);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('never overwrites a file Gloss did not write for that article', async () => {
    await writeFile(path.join(dir, 'Đảng bộ Q. Sơn Trà.md'), 'Ghi chép riêng của tôi.\n');
    const written = await writeExportFiles(await allMd(), { kind: 'folder', path: dir });
    expect(written[0]).toBe(path.join(dir, 'Đảng bộ Q. Sơn Trà (2).md'));
    expect(await readFile(path.join(dir, 'Đảng bộ Q. Sơn Trà.md'), 'utf8')).toBe('Ghi chép riêng của tôi.\n');
    await writeExportFiles(await allMd(), { kind: 'folder', path: dir });
    expect((await readdir(dir)).length).toBe(3);
  });

  it('merges one combined file into the named file', async () => {
    const out = path.join(dir, 'notes.md');
    await writeFile(out, '# Sổ tay\n\nĐã có từ trước.\n');
    const combined = await renderExport(
      source(),
      request({ scope: { kind: 'all' }, format: 'md', combined: true }),
      NOW,
    );
    await writeExportFiles(combined, { kind: 'file', path: out });
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('---\ntitle: "Gloss export"')).toBe(true);
    expect(text).toContain('# Sổ tay\n\nĐã có từ trước.\n\n<!-- gloss:start id=');
    await expect(writeExportFiles(await allMd(), { kind: 'file', path: out })).rejects.toThrow(
      'This export makes 2 files',
    );
  });

  it('reports an unwritable folder plainly and writes nothing', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const attempt = writeExportFiles(await allMd(), { kind: 'folder', path: path.join(blocker, 'out') });
    await expect(attempt).rejects.toThrow(GlossError);
    await expect(
      writeExportFiles(await allMd(), { kind: 'folder', path: path.join(blocker, 'out') }),
    ).rejects.toThrow(
      `Cannot write to the folder ${path.join(blocker, 'out')}: part of that path is a file, not a folder. Choose another folder.`,
    );
    expect(await readdir(dir)).toEqual(['a-file']);
  });

  it('writes nothing when an existing file has broken markers', async () => {
    const files = await allMd();
    await writeExportFiles(files, { kind: 'folder', path: dir });
    const broken = path.join(dir, 'Hội nghị T.Ư 6.md');
    const text = (await readFile(broken, 'utf8')).replace('<!-- gloss:end -->', '');
    await writeFile(broken, text);
    const before = await readFile(path.join(dir, 'Đảng bộ Q. Sơn Trà.md'), 'utf8');
    const later = await renderExport(
      source(),
      request({ scope: { kind: 'all' }, format: 'md' }),
      new Date('2025-01-01T00:00:00Z'),
    );
    await expect(writeExportFiles(later, { kind: 'folder', path: dir })).rejects.toThrow(
      `${broken}: The Gloss start marker on line`,
    );
    expect(await readFile(path.join(dir, 'Đảng bộ Q. Sơn Trà.md'), 'utf8')).toBe(before);
    expect(await readFile(broken, 'utf8')).toBe(text);
  });

  it('writes nothing when the template has a syntax error', async () => {
    const attempt = async () => {
      const files = await renderExport(
        source(),
        request({
          scope: { kind: 'all' },
          format: 'md',
          template: '# {{title}}\n{{#each highlights}}\n{{quote}\n{{/each}}',
        }),
      );
      return writeExportFiles(files, { kind: 'folder', path: dir });
    };
    await expect(attempt()).rejects.toThrow(/^Template error on line 3:/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('replaces a JSON file whole', async () => {
    const out = path.join(dir, 'notes.json');
    await writeFile(out, 'old');
    const json = await renderExport(source(), request({ scope: { kind: 'all' }, format: 'json' }), NOW);
    await writeExportFiles(json, { kind: 'file', path: out });
    expect(JSON.parse(await readFile(out, 'utf8')).total).toBe(4);
  });
});

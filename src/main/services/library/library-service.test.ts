import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../store';
import { READER_WINDOW } from '../../../shared/text/blocks';
import { blocksOfLayout } from '../../../shared/text/block-layout';
import { LibraryService } from './library-service';

const SAMPLE = readFileSync(new URL('../../../../resources/samples/son-tra-khao-sat.txt', import.meta.url));
const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

let dir: string;
let store: LibraryStore;
let library: LibraryService;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-library-'));
  store = await LibraryStore.open(dir, {});
  library = new LibraryService(store);
});

afterEach(async () => {
  await store.close();
});

/** Highlights PASSAGE in the article and returns the annotation. */
async function highlightPassage(articleId: string) {
  const { text } = await library.get(articleId);
  const start = text.indexOf(PASSAGE);
  const target = {
    quote: {
      type: 'TextQuoteSelector' as const,
      exact: PASSAGE,
      prefix: text.slice(start - 32, start),
      suffix: '',
    },
    position: { type: 'TextPositionSelector' as const, start, end: start + PASSAGE.length },
  };
  return store.createAnnotation({ articleId, target, color: 'yellow', note: 'bài học' });
}

describe('LibraryService', () => {
  it('imports a file: a copy in articles/, an index record and the canonical text', async () => {
    const outcome = await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    expect(outcome.status).toBe('imported');
    expect(outcome.article).toMatchObject({
      title: 'Đoàn khảo sát của Ban Chỉ đạo Đề án Trung ương 6 làm việc với Đảng bộ Q. Sơn Trà',
      author: 'Lê Anh Tuấn',
      published: '2022-04-01T09:35',
      sourceFile: 'articles/son-tra-khao-sat.txt',
    });
    expect(readFileSync(path.join(dir, 'articles', 'son-tra-khao-sat.txt'))).toEqual(SAMPLE);
    const content = await library.get(outcome.article.id);
    expect(content.text).toContain(PASSAGE);
    expect(library.list().map((a) => a.id)).toEqual([outcome.article.id]);
  });

  it('lists the newest articles first, only the first few when asked (a first screen), and page by page', async () => {
    const ids: string[] = [];
    for (const name of ['mot', 'hai', 'ba']) {
      ids.push(
        (await library.importBytes(Buffer.from(`Bài ${name}\n\nĐoạn ${name}.\n`), `${name}.txt`)).article.id,
      );
    }
    expect(library.list().map((a) => a.id)).toEqual([...ids].reverse());
    expect(library.list(2).map((a) => a.id)).toEqual([ids[2], ids[1]]);
    expect(library.list(2, 2).map((a) => a.id)).toEqual([ids[0]]);
    expect(library.list(2, 3)).toEqual([]);
  });

  it('reports identical content as a duplicate and adds nothing', async () => {
    await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    const again = await library.importBytes(Buffer.from(SAMPLE.toString().normalize('NFD')), 'copy.txt');
    expect(again.status).toBe('duplicate');
    expect(library.list()).toHaveLength(1);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual(['son-tra-khao-sat.txt']);
  });

  it('leaves the library as it was when a file is refused', async () => {
    await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(library.importBytes(png, 'ảnh.txt')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(library.importBytes(Buffer.alloc(0), 'rỗng.txt')).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    expect(library.list()).toHaveLength(1);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual(['son-tra-khao-sat.txt']);
  });

  it('never overwrites a file already in articles/: the copy gets a unique name', async () => {
    await library.importBytes(SAMPLE, 'bài.txt');
    writeFileSync(path.join(dir, 'articles', 'khác.txt'), 'a file the user put there');
    const other = await library.importBytes(Buffer.from('Một bài khác\n\nNội dung khác.'), 'khác.txt');
    expect(other.article.sourceFile).toBe('articles/khác (2).txt');
    expect(readFileSync(path.join(dir, 'articles', 'khác.txt'), 'utf8')).toBe('a file the user put there');
  });

  it('deletes an article undoably in the session and purges its files at the next start', async () => {
    const { article } = await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    await highlightPassage(article.id);
    await library.delete(article.id);
    expect(library.list()).toEqual([]);
    await library.restore(article.id);
    expect(library.list()).toHaveLength(1);
    expect(await store.listAnnotations(article.id)).toHaveLength(1);

    await library.delete(article.id);
    await store.close();
    store = await LibraryStore.open(dir, {});
    library = new LibraryService(store);
    await library.purgeDeleted();
    expect(readdirSync(path.join(dir, 'articles'))).toEqual([]);
    await expect(library.restore(article.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('follows an edit of the copy on disk: new text, highlights re-anchored, a report', async () => {
    const { article } = await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    const highlight = await highlightPassage(article.id);
    const copy = path.join(dir, 'articles', 'son-tra-khao-sat.txt');
    writeFileSync(copy, SAMPLE.toString().replace('Sáng 31-3,', 'Đoạn mới chèn vào.\n\nSáng 31-3,'));

    const report = await library.refreshFromDisk('articles/son-tra-khao-sat.txt');
    expect(report?.message).toContain('1 of 1 highlights placed');
    const { text } = await library.get(article.id);
    expect(text).toContain('Đoạn mới chèn vào.');
    const [moved] = await store.listAnnotations(article.id);
    expect(moved?.id).toBe(highlight.id);
    expect(moved?.orphaned).toBe(false);
    expect(text.slice(moved?.target.position.start, moved?.target.position.end)).toBe(PASSAGE);
    expect(await library.refreshFromDisk('articles/son-tra-khao-sat.txt')).toBeNull();
  });

  it('keeps a highlight whose passage was deleted, as an orphan', async () => {
    const { article } = await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    await highlightPassage(article.id);
    const sentence = /Trong đó, muốn[^.]*\./;
    writeFileSync(
      path.join(dir, 'articles', 'son-tra-khao-sat.txt'),
      SAMPLE.toString().replace(sentence, ''),
    );
    expect((await library.refreshFromDisk('articles/son-tra-khao-sat.txt'))?.message).toContain(
      'could not be placed',
    );
    const [orphan] = await store.listAnnotations(article.id);
    expect(orphan).toMatchObject({ orphaned: true, note: 'bài học' });
    expect(orphan?.target.quote.exact).toBe(PASSAGE);
  });

  it('takes a re-import of a changed file of the same name as a new version of the article', async () => {
    const { article } = await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    await highlightPassage(article.id);
    const corrected = Buffer.from(SAMPLE.toString().replace('cũng mạnh', 'cũng nhấn mạnh'));
    const outcome = await library.importBytes(corrected, 'son-tra-khao-sat.txt');
    expect(outcome.status).toBe('updated');
    expect(outcome.article.id).toBe(article.id);
    expect(library.list()).toHaveLength(1);
    expect((await library.get(article.id)).text).toContain('cũng nhấn mạnh');
    expect(await store.listAnnotations(article.id)).toMatchObject([{ orphaned: false }]);
  });

  it('sends an excerpt of a long article: the blocks around the reading position and their text', async () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `Đoạn ${i + 1}: Sơn Trà đổi mới phương thức.`);
    const outcome = await library.importBytes(Buffer.from(paragraphs.join('\n\n')), 'dai.txt');
    const id = outcome.article.id;
    const { text, blocks } = await library.get(id);
    const at = blocks[400]!.start + 3;
    const excerpt = await library.excerpt(id, at);
    expect(blocksOfLayout(excerpt.layout)).toEqual(blocks);
    expect(excerpt.blocks).toEqual(blocks.slice(excerpt.excerpt.from, excerpt.excerpt.to));
    expect(excerpt.length).toBe(text.length);
    expect(excerpt.excerpt.from).toBeLessThan(400);
    expect(excerpt.excerpt.to).toBeGreaterThan(400);
    expect(excerpt.excerpt.to - excerpt.excerpt.from).toBe(READER_WINDOW);
    const { from, to } = excerpt.excerpt;
    expect(excerpt.excerpt.text).toBe(text.slice(blocks[from]!.start, blocks[to - 1]!.end));

    // Without an offset, the excerpt is around the saved reading position.
    library.update(id, { progress: blocks[550]!.start / text.length });
    const resumed = await library.excerpt(id);
    expect(resumed.excerpt.text).toContain('Đoạn 551:');
    expect(resumed.excerpt.text).not.toContain('Đoạn 300:');
  });

  it('sends the same excerpt after a restart, reading neither the whole text nor all the blocks', async () => {
    const items = Array.from({ length: 700 }, (_, i) => `<p>Đoạn <em>${i + 1}</em> về Sơn Trà.</p>`);
    const html = `<!doctype html><html><head><title>Sách dài</title></head><body><article>${items.join('')}</article></body></html>`;
    const { article } = await library.importBytes(Buffer.from(html), 'sach-dai.html');
    const { blocks } = await library.get(article.id);
    const before = await library.excerpt(article.id, blocks[500]!.start);
    await store.close();
    // A content file that cannot be parsed shows the excerpt comes from the block and text files.
    const content = path.join(store.cacheDir, 'content', `${article.id}.json`);
    writeFileSync(content, '{"text": "cut sh');
    store = await LibraryStore.open(dir, {});
    library = new LibraryService(store);
    expect(await library.excerpt(article.id, blocks[500]!.start)).toEqual(before);
    expect(readFileSync(content, 'utf8')).toBe('{"text": "cut sh');
    expect(store.takeNotices()).toEqual([]);
  });

  it('sends the whole text as the excerpt of a short article', async () => {
    const outcome = await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt');
    const { text, blocks } = await library.get(outcome.article.id);
    const { excerpt } = await library.excerpt(outcome.article.id);
    expect(excerpt).toEqual({ from: 0, to: blocks.length, text: text.slice(0, blocks.at(-1)!.end) });
  });

  it('leaves the markup of blocks outside an excerpt for the whole article', async () => {
    const items = Array.from({ length: 400 }, (_, i) => `<p>Đoạn <em>${i + 1}</em> về Sơn Trà.</p>`);
    const html = `<!doctype html><html><head><title>Sách HTML</title></head><body><article>${items.join('')}</article></body></html>`;
    const outcome = await library.importBytes(Buffer.from(html), 'sach.html');
    const { blocks } = await library.get(outcome.article.id);
    const { layout, blocks: sent, excerpt } = await library.excerpt(outcome.article.id, blocks[300]!.start);
    expect(excerpt.from).toBeGreaterThan(0);
    expect(sent).toEqual(blocks.slice(excerpt.from, excerpt.to));
    blocksOfLayout(layout, sent, excerpt.from).forEach((block, i) => {
      const inside = i >= excerpt.from && i < excerpt.to;
      expect(block).toEqual(
        inside ? blocks[i] : { kind: blocks[i]!.kind, start: blocks[i]!.start, end: blocks[i]!.end },
      );
    });
    expect(sent[300 - excerpt.from]!.html).toContain('<em>');
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import { startServices, type Services } from '..';
import { LibraryStore } from '../store';
import { LibraryService } from './library-service';
import { cacheOf, ownFolder } from '../store/testing/own-folder';

const SAMPLE = readFileSync(new URL('../../../../resources/samples/son-tra-khao-sat.txt', import.meta.url));
const MARKDOWN = Buffer.from(
  '---\ntitle: Ghi chép Hội An\nauthor: Trần Thu\n---\n\n# Phố cổ\n\nĐèn lồng treo dọc sông Hoài mỗi tối rằm.\n\n' +
    '- Chùa Cầu\n- Hội quán Phúc Kiến\n',
);
const NOTES = Buffer.from('Ghi nhanh\n\nMua giấy dó ở làng Yên Thái trước Tết.\n');

let dir: string;
let services: Services | undefined;

afterEach(async () => {
  await services?.stop();
  services = undefined;
});

/** Highlights `exact` in the article, with tags and a note. */
async function highlight(
  store: LibraryStore,
  library: LibraryService,
  articleId: string,
  exact: string,
  tags: string[],
) {
  const { text } = await library.get(articleId);
  const start = text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  return store.createAnnotation({
    articleId,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: '',
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: 'green',
    note: `ghi chú về ${exact.slice(0, 10)}`,
    tags,
  });
}

/** A library with three articles (one retitled by hand, one with a note), highlights with tags; returns what it holds. */
async function savedLibrary() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-rebuild-'));
  const store = await LibraryStore.open(dir, {});
  const library = new LibraryService(store);
  const son = (await library.importBytes(SAMPLE, 'son-tra-khao-sat.txt')).article;
  const hoi = (await library.importBytes(MARKDOWN, 'hoi-an.md')).article;
  const notes = (await library.importBytes(NOTES, 'ghi-nhanh.txt')).article;
  await library.update(hoi.id, { title: 'Hội An, bản tôi sửa' });
  const highlights = [
    await highlight(store, library, son.id, 'đổi mới phương thức lãnh đạo', ['Chính trị', 'đọc lại']),
    await highlight(store, library, son.id, 'Sơn Trà', []),
    await highlight(store, library, hoi.id, 'sông Hoài', ['du lịch']),
  ];
  await store.setArticleNote(hoi.id, 'Đi vào tháng Chạp.');
  await store.close();
  return { articles: [son, hoi, notes], highlights };
}

async function reopen(): Promise<Services> {
  services = await startServices({ libraryPath: dir, host: 'cli', watch: false, searchOnDemand: true });
  return services;
}

/** Calls an API method through the dispatcher and returns its value. @throws when it answers an error. */
async function call(open: Services, name: string, params: unknown = {}): Promise<unknown> {
  const result = await open.dispatch(name, params);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

async function highlightsOf(open: Services, articleId: string): Promise<Annotation[]> {
  return (await call(open, 'listAnnotations', { articleId })) as Annotation[];
}

describe('rebuilding a lost library index', () => {
  it('brings back every article and highlight when library.json and its backups are gone', async () => {
    const saved = await savedLibrary();
    rmSync(path.join(ownFolder(dir), 'library.json'));
    rmSync(path.join(cacheOf(dir), 'backups', 'library'), { recursive: true });

    const open = await reopen();
    const listed = (await call(open, 'listArticles', {})) as {
      id: string;
      title: string;
      sourceFile: string;
      highlightCount: number;
    }[];
    expect(listed.map((a) => a.id).sort()).toEqual(saved.articles.map((a) => a.id).sort());
    for (const article of saved.articles) {
      const back = listed.find((a) => a.id === article.id);
      expect(back?.sourceFile).toBe(article.sourceFile);
    }
    // The hand-edited title falls back to the one read from the file.
    expect(listed.find((a) => a.id === saved.articles[1]?.id)?.title).toBe('Ghi chép Hội An');
    for (const mark of saved.highlights) {
      expect(await highlightsOf(open, mark.articleId)).toContainEqual(mark);
    }
    expect(listed.find((a) => a.id === saved.articles[0]?.id)?.highlightCount).toBe(2);
    expect(await call(open, 'getArticleNote', { articleId: saved.articles[1]?.id })).toBe(
      'Đi vào tháng Chạp.',
    );
    const tags = (await call(open, 'listTags', {})) as { name: string; count: number }[];
    expect(new Map(tags.map((t) => [t.name, t.count]))).toEqual(
      new Map([
        ['Chính trị', 1],
        ['đọc lại', 1],
        ['du lịch', 1],
      ]),
    );
    const notices = ((await call(open, 'takeNotices', {})) as { message: string }[]).map((n) => n.message);
    expect(notices.join('\n')).toMatch(
      /rebuilt it from the files in the library: 3 articles with their 3 highlights/,
    );
    expect(notices.join('\n')).toMatch(
      /titles, authors and dates you edited are back to those read from each file/,
    );
  });

  it('keeps a damaged index and damaged backups, and recovers from a lost cache and a lost copy', async () => {
    const saved = await savedLibrary();
    const [son, hoi, notes] = saved.articles as [
      (typeof saved.articles)[0],
      (typeof saved.articles)[0],
      (typeof saved.articles)[0],
    ];
    const glossDir = cacheOf(dir);
    writeFileSync(path.join(ownFolder(dir), 'library.json'), '{"schemaVersion": 1, "articles": [');
    const backups = path.join(glossDir, 'backups', 'library');
    const damagedBackups = readdirSync(backups);
    for (const name of damagedBackups) writeFileSync(path.join(backups, name), Buffer.alloc(32));
    // Son Trà's cached text is gone (matched to its copy by its highlights); the notes' copy is gone (its text is kept).
    rmSync(path.join(glossDir, 'content', `${son.id}.json`));
    rmSync(path.join(glossDir, 'content', `${son.id}.utf16le`));
    rmSync(path.join(dir, notes.sourceFile));

    const open = await reopen();
    const listed = (await call(open, 'listArticles', {})) as { id: string; sourceFile: string }[];
    expect(listed.map((a) => a.id).sort()).toEqual([son.id, hoi.id, notes.id].sort());
    for (const mark of saved.highlights) {
      expect(await highlightsOf(open, mark.articleId)).toContainEqual(mark);
    }
    const article = (await call(open, 'getArticle', { id: son.id })) as { text: string };
    expect(article.text).toContain('đổi mới phương thức lãnh đạo');
    const rewritten = listed.find((a) => a.id === notes.id)?.sourceFile as string;
    expect(readFileSync(path.join(dir, rewritten), 'utf8')).toContain('Mua giấy dó ở làng Yên Thái');

    const aside = readdirSync(ownFolder(dir)).filter((name) => name.startsWith('library.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(ownFolder(dir), aside[0] as string), 'utf8')).toBe(
      '{"schemaVersion": 1, "articles": [',
    );
    for (const name of damagedBackups)
      expect(readFileSync(path.join(backups, name))).toEqual(Buffer.alloc(32));
    const notices = ((await call(open, 'takeNotices', {})) as { message: string }[])
      .map((n) => n.message)
      .join('\n');
    expect(notices).toContain(path.join(ownFolder(dir), aside[0] as string));
    expect(notices).toContain(`their text was saved as ${rewritten}`);
  });

  it('leaves a new, empty library as it is, with no message', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-rebuild-'));
    const open = await reopen();
    expect(await call(open, 'listArticles', {})).toEqual([]);
    expect(await call(open, 'takeNotices', {})).toEqual([]);
    expect(existsSync(path.join(ownFolder(dir), 'library.json'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../shared/model/change';
import { toAnnotationCollection } from '../../shared/export/web-annotation';
import type { Result } from '../../shared/result';
import { describeRange } from '../../shared/text/selectors';
import type { Annotation } from '../../shared/model/annotation';
import type { ArticleContent, ImportOutcome } from '../../shared/model/article';
import type { SearchResults } from '../../shared/model/search';
import { startServices, type Services } from '.';
import { tempDir } from './store/testing/fixtures';

const SAMPLE = readFileSync(new URL('../../../resources/samples/son-tra-khao-sat.txt', import.meta.url));
const NOTE_ID = '6f1c1a9e-7d7b-4f7e-9a51-2b8e5f3c0d11';

let services: Services;

beforeEach(async () => {
  services = await startServices({ libraryPath: tempDir('gloss-services-'), host: 'cli', watch: false });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await services.stop();
});

async function call<T>(name: string, params: unknown = {}): Promise<T> {
  const result: Result<unknown> = await services.dispatch(name, params);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function importSample(text = SAMPLE): Promise<ImportOutcome> {
  return call<ImportOutcome>('importFile', {
    name: 'son-tra-khao-sat.txt',
    data: Buffer.from(text).toString('base64'),
  });
}

/** A Web Annotation JSON file holding one highlight of `article`, with a note. */
function webAnnotationFile(article: ArticleContent, note: string): string {
  const start = article.text.indexOf('Sơn Trà');
  const annotation: Annotation = {
    id: NOTE_ID,
    articleId: article.article.id,
    target: describeRange(article.text, start, start + 'Sơn Trà'.length),
    color: 'green',
    note,
    tags: ['khảo sát'],
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
  const ids = { id: 'urn:x:collection', pageId: 'urn:x:page', label: 'Gloss' };
  return JSON.stringify(toAnnotationCollection([annotation], ids));
}

describe('startServices: the change feed', () => {
  it('acknowledges an import before its followers are done, and a search asked then waits for the index', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let followerDone = false;
    services.changes.subscribe(async (event) => {
      if (event.kind !== 'article-added') return;
      await held;
      followerDone = true;
    });
    const { article } = await importSample();
    expect(followerDone).toBe(false);
    const searched = call<SearchResults>('search', { query: 'son tra' });
    release();
    const found = await searched;
    expect(followerDone).toBe(true);
    expect(found.groups[0]?.article.id).toBe(article.id);
  });

  it('finds a note imported with import-annotations as soon as the import returns', async () => {
    const { article } = await importSample();
    const content = await call<ArticleContent>('getArticle', { id: article.id });
    const query = 'kỳ lân xanh';
    expect((await call<SearchResults>('search', { query })).total).toBe(0);
    const json = webAnnotationFile(content, 'Ở đây có một con kỳ lân xanh.');
    expect(await call('importWebAnnotations', { json })).toEqual({ imported: 1, skipped: 0 });
    const found = await call<SearchResults>('search', { query });
    expect(found.groups[0]?.hits.map((hit) => hit.annotationId)).toContain(NOTE_ID);
  });

  it('announces every kind of change to a subscriber exactly once, after it is written', async () => {
    const seen: ChangeEvent[] = [];
    const revisions: number[] = [];
    services.changes.subscribe((event, revision) => {
      seen.push(event);
      revisions.push(revision);
    });
    /** Runs `action`, waits until its changes are written and delivered, and returns the events it caused. */
    const eventsOf = async (action: () => Promise<unknown>) => {
      const before = seen.length;
      await action();
      await services.flush();
      return seen.slice(before);
    };

    let articleId = '';
    expect(
      await eventsOf(async () => {
        articleId = (await importSample()).article.id;
      }),
    ).toEqual([{ kind: 'article-added', articleId }]);
    const content = await call<ArticleContent>('getArticle', { id: articleId });
    const changed = (extra: object = {}) => [
      { kind: 'article-changed', articleId, content: false, ...extra },
    ];
    const highlights = (...ids: string[]) => [{ kind: 'annotations-changed', articleId, ids }];

    expect(await eventsOf(() => call('updateArticle', { id: articleId, title: 'Sơn Trà' }))).toEqual(
      changed(),
    );
    expect(await eventsOf(() => call('updateArticle', { id: articleId, progress: 0.5 }))).toEqual(
      changed({ progressOnly: true }),
    );
    expect(await eventsOf(() => call('setArticleNote', { articleId, note: 'Ghi chú' }))).toEqual(changed());

    let id = '';
    const create = async () => {
      id = (await call<Annotation>('createAnnotation', { articleId, start: 0, end: 6, color: 'red' })).id;
    };
    expect(await eventsOf(create)).toEqual(highlights(id));
    expect(await eventsOf(() => call('updateAnnotation', { articleId, id, note: 'mới' }))).toEqual(
      highlights(id),
    );
    expect(await eventsOf(() => call('deleteAnnotation', { articleId, id }))).toEqual(highlights(id));
    expect(await eventsOf(() => call('undo'))).toEqual(highlights(id));
    expect(await eventsOf(() => call('redo'))).toEqual(highlights(id));
    expect(await eventsOf(() => call('undo'))).toEqual(highlights(id));
    expect(await eventsOf(() => call('reattachAnnotation', { articleId, id, start: 10, end: 16 }))).toEqual(
      highlights(id),
    );
    const json = webAnnotationFile(content, 'Nhập từ tệp');
    expect(await eventsOf(() => call('importWebAnnotations', { json }))).toEqual([
      { kind: 'tags-changed' },
      ...highlights(NOTE_ID),
    ]);

    expect(await eventsOf(() => call('createTag', { name: 'Đà Nẵng' }))).toEqual([{ kind: 'tags-changed' }]);
    expect(await eventsOf(() => call('recolorTag', { name: 'đà nẵng', color: 'blue' }))).toEqual([
      { kind: 'tags-changed' },
    ]);
    expect(await eventsOf(() => call('renameTag', { from: 'khảo sát', to: 'Khảo sát 2022' }))).toEqual([
      { kind: 'tags-changed' },
      ...highlights(NOTE_ID),
    ]);
    expect(await eventsOf(() => call('deleteTag', { name: 'Khảo sát 2022' }))).toEqual([
      { kind: 'tags-changed' },
      ...highlights(NOTE_ID),
    ]);
    expect(await eventsOf(() => call('updateSettings', { theme: 'dark' }))).toEqual([
      { kind: 'settings-changed' },
    ]);

    const edited = Buffer.concat([SAMPLE, Buffer.from('\n\nMột đoạn mới ở cuối bài.\n')]);
    expect(await eventsOf(() => importSample(edited))).toEqual([
      ...highlights(id, NOTE_ID),
      ...changed({ content: true }),
    ]);
    expect(await eventsOf(() => call('deleteArticle', { id: articleId }))).toEqual([
      { kind: 'article-removed', articleId },
    ]);
    expect(await eventsOf(() => call('restoreArticle', { id: articleId }))).toEqual([
      { kind: 'article-added', articleId },
    ]);
    expect(revisions).toEqual(revisions.map((_, index) => revisions[0]! + index));
  });

  it('keeps delivering to the other subscribers, and keeps the change, when one throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: ChangeEvent[] = [];
    services.changes.subscribe(() => {
      throw new Error('đồng bộ hỏng');
    });
    services.changes.subscribe(async () => {
      await Promise.resolve();
      throw new Error('bất đồng bộ hỏng');
    });
    services.changes.subscribe((event) => {
      seen.push(event);
    });
    const { article } = await importSample();
    await call('updateSettings', { fontSize: 24 });
    await services.flush();
    expect(seen).toEqual([{ kind: 'article-added', articleId: article.id }, { kind: 'settings-changed' }]);
    expect(await call('getSettings')).toMatchObject({ fontSize: 24 });
    expect((await call<SearchResults>('search', { query: 'Sơn Trà' })).total).toBe(1);
    const messages = logged.mock.calls.map((args) => String(args[0]));
    expect(messages.filter((m) => m.includes('đồng bộ hỏng'))).toHaveLength(4);
  });
});

describe('startServices: the first screen of an article', () => {
  it('comes in one call with the highlights over its paragraphs, and none of those further on', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Đoạn ${i}: khảo sát bán đảo Sơn Trà.`);
    const { article } = await call<ImportOutcome>('importFile', {
      name: 'dai.txt',
      data: Buffer.from(paragraphs.join('\n\n')).toString('base64'),
    });
    const { text } = await call<ArticleContent>('getArticle', { id: article.id });
    const highlight = (paragraph: number) => {
      const start = text.indexOf(`Đoạn ${paragraph}:`);
      return call<Annotation>('createAnnotation', {
        articleId: article.id,
        start,
        end: start + 8,
        color: 'red',
      });
    };
    const near = [await highlight(12), await highlight(3)];
    const beyond = await highlight(300);
    const first = await call<{ excerpt: { from: number; to: number }; annotations: Annotation[] }>(
      'getArticleExcerpt',
      { id: article.id, around: 0 },
    );
    expect(first.excerpt).toMatchObject({ from: 0, to: 150 });
    expect(first.annotations.map((a) => a.id)).toEqual([near[1]!.id, near[0]!.id]);
    expect(first.annotations.map((a) => a.id)).not.toContain(beyond.id);
  });
});

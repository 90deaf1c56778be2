import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fold } from '../../../shared/text/fold';
import type { Annotation, HighlightColor } from '../../../shared/model/annotation';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import type { SearchResults } from '../../../shared/model/search';
import { SON_TRA_TEXT } from './fixtures/son-tra';
import { indexDir } from './persist';
import { SearchService, type SearchSource } from './search-service';

const SON_TRA_ID = '11111111-1111-4111-8111-111111111111';
const HAI_PHONG_ID = '22222222-2222-4222-8222-222222222222';
const HAI_PHONG_TEXT = [
  'Hải Phòng tổng kết công tác xây dựng Đảng',
  '',
  'Chiều 2-4, Thành ủy Hải Phòng tổng kết công tác xây dựng Đảng năm 2021 và triển khai nhiệm vụ năm 2022.',
  '',
  'Đồng chí Trần Lưu Quang phát biểu chỉ đạo hội nghị.',
].join('\n');

interface StoredArticle {
  meta: ArticleMeta;
  text: string;
  blocks: Block[];
  annotations: Annotation[];
}

/** A library in memory that counts what is read from it. */
class MemorySource implements SearchSource {
  readonly articles = new Map<string, StoredArticle>();
  contentReads = 0;
  annotationReads = 0;

  listArticles(): ArticleMeta[] {
    return [...this.articles.values()].map((a) => a.meta);
  }

  async readContent(id: string) {
    this.contentReads++;
    const article = this.articles.get(id);
    return article && { text: article.text, blocks: article.blocks };
  }

  readCachedText(id: string, _contentHash: string, start?: number, end?: number) {
    return this.articles.get(id)?.text.slice(start, end);
  }

  async listAnnotations(articleId: string) {
    this.annotationReads++;
    return this.articles.get(articleId)?.annotations.filter((a) => !a.deleted) ?? [];
  }

  add(id: string, text: string, meta: Partial<ArticleMeta> = {}): StoredArticle {
    const article: StoredArticle = {
      meta: articleMeta(id, text, meta),
      text,
      blocks: blocksOf(text),
      annotations: [],
    };
    this.articles.set(id, article);
    return article;
  }
}

function articleMeta(id: string, text: string, meta: Partial<ArticleMeta>): ArticleMeta {
  return {
    id,
    title: text.slice(0, text.indexOf('\n')),
    author: null,
    published: null,
    sourceFile: `articles/${id}.txt`,
    format: 'txt',
    contentHash: `hash-${text.length}`,
    wordCount: text.split(/\s+/).length,
    charCount: text.length,
    tags: [],
    progress: 0,
    highlightCount: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    deleted: false,
    ...meta,
  };
}

/** One paragraph block per non-empty line, the first a heading. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) blocks.push({ kind: blocks.length === 0 ? 'h1' : 'p', start, end: start + line.length });
    start += line.length + 1;
  }
  return blocks;
}

let counter = 0;
function highlightOf(
  article: StoredArticle,
  exact: string,
  fields: { note?: string; tags?: string[]; color?: HighlightColor } = {},
): Annotation {
  const start = article.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the article`);
  counter++;
  const annotation: Annotation = {
    id: `aaaaaaaa-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    articleId: article.meta.id,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: fields.color ?? 'yellow',
    note: fields.note ?? '',
    tags: fields.tags ?? [],
    createdAt: '2024-01-02T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
  article.annotations.push(annotation);
  article.meta.highlightCount = article.annotations.filter((a) => !a.deleted).length;
  return annotation;
}

/** Every hit, flattened, with the marked words of its snippet. */
function hits(results: SearchResults) {
  return results.groups.flatMap((group) =>
    group.hits.map((hit) => ({
      ...hit,
      articleId: group.article.id,
      marked: hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end)),
    })),
  );
}

let library: string;
let source: MemorySource;
let sonTra: StoredArticle;
let haiPhong: StoredArticle;

beforeEach(async () => {
  library = await mkdtemp(path.join(os.tmpdir(), 'gloss-search-'));
  source = new MemorySource();
  sonTra = source.add(SON_TRA_ID, SON_TRA_TEXT, { author: 'Lê Anh Tuấn', tags: ['Đà Nẵng'] });
  haiPhong = source.add(HAI_PHONG_ID, HAI_PHONG_TEXT, { tags: ['Hải Phòng'] });
  highlightOf(sonTra, 'đổi mới phương thức lãnh đạo của Đảng', {
    note: 'Ý chính của đề án',
    tags: ['nghị quyết'],
    color: 'green',
  });
  highlightOf(sonTra, 'ý Đảng – lòng Dân', { note: 'Câu khẩu hiệu', color: 'yellow' });
  highlightOf(haiPhong, 'tổng kết công tác xây dựng Đảng năm 2021', {
    color: 'yellow',
    tags: ['nghị quyết'],
  });
});

afterEach(async () => {
  await rm(library, { recursive: true, force: true });
});

describe('matching', () => {
  it('finds "Đảng" for "dang", marking the accented word and pointing at it in the text', async () => {
    const search = await SearchService.open(library, source);
    const results = search.search('dang ');
    const textHits = hits(results).filter((hit) => hit.kind === 'text');
    expect(textHits.length).toBeGreaterThan(0);
    for (const hit of textHits) {
      expect(hit.marked.map(fold)).toContain('dang');
      const text = hit.articleId === SON_TRA_ID ? SON_TRA_TEXT : HAI_PHONG_TEXT;
      expect(fold(text.slice(hit.start, hit.end))).toBe('dang');
    }
    expect(hits(results).some((hit) => hit.marked.includes('Đảng'))).toBe(true);
  });

  it('marks only the words as typed where the text holds them: "son tra" marks Sơn Trà, not trao', async () => {
    const search = await SearchService.open(library, source);
    const textHits = hits(search.search('son tra')).filter((hit) => hit.kind === 'text');
    expect(textHits.some((hit) => hit.snippet.text.includes('trao đổi'))).toBe(true);
    for (const hit of textHits) {
      for (const words of hit.marked) expect(fold(words).toLowerCase()).toMatch(/^(son|tra)( (son|tra))*$/);
    }
    // The place to open is the whole run of matched words.
    expect(textHits.some((hit) => SON_TRA_TEXT.slice(hit.start, hit.end) === 'Sơn Trà')).toBe(true);
  });

  it("shows a note's text in its snippet, not its Markdown or HTML", async () => {
    highlightOf(sonTra, 'Sáng 31-3', { note: '## Ghi chú\n\n- **bán đảo** [xem](https://x.vn) <i>thêm</i>' });
    const search = await SearchService.open(library, source);
    const note = hits(search.search('ban dao ')).find((hit) => hit.kind === 'note');
    expect(note?.snippet.text).toBe('Ghi chú bán đảo xem thêm');
    expect(note?.marked).toEqual(['bán đảo']);
  });

  it('finds "Đà Nẵng" for "Da Nang" in the text and in the article tags', async () => {
    const search = await SearchService.open(library, source);
    const found = hits(search.search('Da Nang '));
    expect(found.every((hit) => hit.articleId === SON_TRA_ID)).toBe(true);
    const text = found.find((hit) => hit.kind === 'text');
    expect(text?.marked).toContain('Đà Nẵng');
    expect(text?.snippet.text).toContain('(TP Đà Nẵng)');
    expect(found.find((hit) => hit.kind === 'tag')?.marked).toEqual(['Đà Nẵng']);
  });

  it('matches a quoted phrase only where its words are adjacent and in order', async () => {
    const search = await SearchService.open(library, source);
    const phrase = hits(search.search('"Đà Nẵng"')).filter((hit) => hit.kind === 'text');
    expect(phrase.length).toBeGreaterThan(0);
    for (const hit of phrase) expect(SON_TRA_TEXT.slice(hit.start, hit.end)).toBe('Đà Nẵng');
    expect(phrase[0]?.marked).toEqual(['Đà Nẵng']);
    expect(search.search('Đà Nẵng Sơn Trà').total).toBeGreaterThan(0);
    expect(search.search('"Đà Nẵng Sơn Trà"').total).toBe(0);
    expect(search.search('"lòng Đảng"').total).toBe(0);
  });

  it('matches the word being typed as a prefix, and longer words despite a typo', async () => {
    const search = await SearchService.open(library, source);
    expect(hits(search.search('khảo s')).some((hit) => hit.marked.includes('khảo sát'))).toBe(true);
    expect(search.search('khảo s ').total).toBe(0);
    const typo = hits(search.search('Nguyen Quang Duongg '));
    expect(typo.some((hit) => hit.marked.includes('Nguyễn Quang Dương'))).toBe(true);
  });

  it('finds titles, authors, quotes, notes and highlight tags, and says which', async () => {
    const search = await SearchService.open(library, source);
    expect(hits(search.search('Tuấn ')).map((hit) => hit.kind)).toContain('author');
    expect(hits(search.search('Hải Phòng tổng kết ')).map((hit) => hit.kind)).toContain('title');
    const note = hits(search.search('khẩu hiệu'));
    expect(note).toHaveLength(1);
    expect(note[0]).toMatchObject({ kind: 'note', color: 'yellow', marked: ['khẩu hiệu'] });
    const annotation = sonTra.annotations[1];
    expect(note[0]?.annotationId).toBe(annotation?.id);
    expect(note[0]?.start).toBe(annotation?.target.position.start);
    expect(hits(search.search('nghi quyet ')).filter((hit) => hit.kind === 'tag')).toHaveLength(2);
  });

  it('narrows by tag, colour and scope', async () => {
    const search = await SearchService.open(library, source);
    const all = search.search('dang ');
    const tagged = search.search('dang tag:"da nang"');
    expect(tagged.total).toBeLessThan(all.total);
    expect(tagged.groups.map((g) => g.article.id)).toEqual([SON_TRA_ID]);
    const byHighlightTag = hits(search.search('dang tag:nghị-quyết'));
    expect(byHighlightTag.map((hit) => hit.kind)).not.toContain('title');
    expect(new Set(byHighlightTag.map((hit) => hit.articleId))).toEqual(new Set([SON_TRA_ID, HAI_PHONG_ID]));
    expect(
      byHighlightTag.filter((hit) => hit.articleId === HAI_PHONG_ID).every((hit) => hit.annotationId),
    ).toBe(true);
    const yellow = hits(search.search('dang color:yellow'));
    expect(yellow.map((hit) => hit.color)).toEqual(['yellow', 'yellow']);
    const notes = hits(search.search('dang in:notes'));
    expect(notes.every((hit) => hit.annotationId !== undefined)).toBe(true);
    expect(notes).toHaveLength(3);
    expect(hits(search.search('dang in:text')).every((hit) => hit.kind === 'text')).toBe(true);
  });

  it('lists what filters select when there are no words', async () => {
    const search = await SearchService.open(library, source);
    expect(hits(search.search('color:green')).map((hit) => hit.annotationId)).toEqual([
      sonTra.annotations[0]?.id,
    ]);
    const tagged = hits(search.search('tag:"Hải Phòng"'));
    expect(tagged).toEqual([expect.objectContaining({ kind: 'tag', marked: ['Hải Phòng'] })]);
    expect(hits(search.search('tag:nghi-quyet')).map((hit) => hit.annotationId)).toEqual([
      sonTra.annotations[0]?.id,
      haiPhong.annotations[0]?.id,
    ]);
    expect(search.search('   ').total).toBe(0);
  });

  it('limits groups and hits per group, but counts them all', async () => {
    const long = Array.from({ length: 8 }, (_, i) => `Phần ${i + 1}\n\n${SON_TRA_TEXT}`).join('\n\n');
    source.add('33333333-3333-4333-8333-333333333333', long, { tags: ['dài'] });
    const search = await SearchService.open(library, source);
    const inLong = search.search('Sơn Trà in:text tag:dài');
    expect(inLong.total).toBe(1);
    expect(inLong.groups[0]?.hits).toHaveLength(5);
    expect(inLong.groups[0]?.hitCount).toBeGreaterThan(5);
    const limited = search.search('Sơn Trà', { limit: 1 });
    expect(limited.groups).toHaveLength(1);
    expect(limited.total).toBe(2);
  });
});

describe('incremental updates', () => {
  it('follows an import, a note edit, a highlight deletion and an article deletion', async () => {
    const search = await SearchService.open(library, new MemorySource());
    expect(search.search('khẩu hiệu').total).toBe(0);

    search.indexArticle(sonTra.meta, sonTra, sonTra.annotations);
    expect(search.search('khẩu hiệu').total).toBe(1);

    const edited = { ...sonTra.annotations[1], note: 'Tinh thần đoàn kết' } as Annotation;
    search.indexAnnotation(edited);
    expect(search.search('khẩu hiệu').total).toBe(0);
    expect(hits(search.search('đoàn kết in:notes'))[0]?.annotationId).toBe(edited.id);

    search.indexAnnotation({ ...edited, deleted: true });
    expect(search.search('đoàn kết in:notes').total).toBe(0);
    search.removeAnnotation(sonTra.annotations[0]?.id ?? '');
    expect(search.search('in:notes').total).toBe(0);

    search.updateArticleMeta({ ...sonTra.meta, title: 'Khảo sát ở Sơn Trà', tags: ['khảo sát'] });
    expect(hits(search.search('tag:khao-sat')).map((hit) => hit.kind)).toEqual(['tag']);
    expect(hits(search.search('Trung ương in:text')).length).toBeGreaterThan(0);

    search.removeArticle(SON_TRA_ID);
    expect(search.search('Sơn Trà').total).toBe(0);
    expect(search.search('tag:khao-sat').total).toBe(0);
  });

  it('indexes the text again only when the title, author or tags change, not for a saved reading position', async () => {
    const search = await SearchService.open(library, new MemorySource());
    search.indexArticle(sonTra.meta, sonTra, sonTra.annotations);
    const added = vi.spyOn(MiniSearch.prototype, 'add');
    try {
      search.updateArticleMeta({ ...sonTra.meta, progress: 0.5, highlightCount: 7 });
      expect(added).not.toHaveBeenCalled();
      expect(hits(search.search('Trung ương in:text')).length).toBeGreaterThan(0);
      search.updateArticleMeta({ ...sonTra.meta, title: 'Khảo sát ở Sơn Trà' });
      expect(added).toHaveBeenCalledTimes(1);
      expect(hits(search.search('khảo sát')).map((hit) => hit.kind)).toContain('title');
    } finally {
      added.mockRestore();
    }
  });

  it("replaces one article's highlights at once, as after an undo", async () => {
    const search = await SearchService.open(library, new MemorySource());
    search.indexArticle(sonTra.meta, sonTra, sonTra.annotations);
    expect(search.search('khẩu hiệu in:notes').total).toBe(1);
    const [first] = sonTra.annotations;
    search.replaceAnnotations(SON_TRA_ID, [{ ...first, note: 'ghi chú mới' } as Annotation]);
    expect(search.search('khẩu hiệu in:notes').total).toBe(0);
    expect(hits(search.search('ghi chú mới in:notes'))[0]?.annotationId).toBe(first?.id);
  });

  it('re-reads an article changed while the index is being built', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: SearchSource = {
      listArticles: () => source.listArticles(),
      readContent: async (id) => {
        await gate;
        return source.readContent(id);
      },
      listAnnotations: (id) => source.listAnnotations(id),
      readCachedText: (id, hash, start, end) => source.readCachedText(id, hash, start, end),
    };
    const search = SearchService.start(library, slow);
    expect(search.status.state).toBe('building');
    const changed = { ...sonTra.annotations[1], note: 'Tinh thần đoàn kết' } as Annotation;
    sonTra.annotations[1] = changed;
    search.indexAnnotation(changed);
    release();
    await search.whenReady();
    expect(search.status).toEqual({ state: 'ready', done: 3, total: 3 });
    expect(search.search('khẩu hiệu').total).toBe(0);
    expect(search.search('đoàn kết in:notes').total).toBe(1);
  });
});

describe('persistence', () => {
  it('loads the saved index without reading the library again', async () => {
    const progress: [number, number][] = [];
    const first = await SearchService.open(library, source, { onProgress: (d, t) => progress.push([d, t]) });
    expect(progress.at(-1)).toEqual([2, 2]);
    await first.save();
    const before = first.search('Da Nang ');

    const reads = { content: source.contentReads, annotations: source.annotationReads };
    const second = await SearchService.open(library, source);
    expect({ content: source.contentReads, annotations: source.annotationReads }).toEqual(reads);
    const after = second.search('Da Nang ');
    expect({ ...after, tookMs: 0 }).toEqual({ ...before, tookMs: 0 });
  });

  it('re-reads only what changed while closed', async () => {
    await (await SearchService.open(library, source)).save();
    haiPhong.text = HAI_PHONG_TEXT.replace('Trần Lưu Quang', 'Nguyễn Văn Tùng');
    haiPhong.blocks = blocksOf(haiPhong.text);
    haiPhong.meta.contentHash = 'changed';
    sonTra.meta.title = 'Sơn Trà xuân Nhâm Dần';
    const reads = source.contentReads;

    const reopened = await SearchService.open(library, source);
    expect(source.contentReads - reads).toBe(1);
    expect(search(reopened, 'Trần Lưu Quang').filter((h) => h.articleId === HAI_PHONG_ID)).toHaveLength(0);
    expect(search(reopened, 'Văn Tùng')).toHaveLength(1);
    expect(search(reopened, 'Nhâm Dần').map((h) => h.kind)).toEqual(['title']);

    source.articles.delete(SON_TRA_ID);
    await reopened.save();
    const third = await SearchService.open(library, source);
    expect(third.search('Sơn Trà').total).toBe(0);
  });

  it('saves and loads an article whose folding changes lengths, with its offsets right', async () => {
    const text = 'Báo cáo\n\nHàn Quốc (한국) và Việt Nam ký kết tại Đà Nẵng; e\u0301 ngoài lề.';
    const mixed = source.add('44444444-4444-4444-8444-444444444444', text, { title: '한국 và Đà Nẵng' });
    highlightOf(mixed, 'Việt Nam ký kết', { note: '협력 hợp tác' });
    await (await SearchService.open(library, source)).save();
    const reads = source.contentReads;
    const loaded = await SearchService.open(library, source);
    expect(source.contentReads).toBe(reads);
    const found = hits(loaded.search('"ký kết tại Đà Nẵng"'));
    expect(found.map((hit) => text.slice(hit.start, hit.end))).toEqual(['ký kết tại Đà Nẵng']);
    expect(hits(loaded.search('한국 ')).map((hit) => hit.kind)).toEqual(['title', 'text']);
    expect(hits(loaded.search('협력')).map((hit) => hit.marked)).toEqual([['협력']]);
  });

  it('moves a damaged index aside and rebuilds it', async () => {
    const first = await SearchService.open(library, source);
    await first.save();
    const expected = first.search('dang ');
    const dir = indexDir(library);
    const indexFile = (await readdir(dir)).find((name) => name.startsWith('index-')) ?? '';
    await writeFile(path.join(dir, indexFile), '{"documentCount": 3, "serializationVersion": 2');
    const reads = source.contentReads;

    const rebuilt = await SearchService.open(library, source);
    expect(source.contentReads - reads).toBe(2);
    expect({ ...rebuilt.search('dang '), tookMs: 0 }).toEqual({ ...expected, tookMs: 0 });
    expect(await readdir(`${dir}.damaged`)).toContain(indexFile);
    await rebuilt.save();
    expect((await readdir(dir)).length).toBe(4);
  });

  it('rebuilds when the files disagree with each other', async () => {
    const first = await SearchService.open(library, source);
    await first.save();
    first.removeArticle(HAI_PHONG_ID);
    const dir = indexDir(library);
    const docsFile = (await readdir(dir)).find((name) => name.startsWith('docs-')) ?? '';
    const docs = JSON.stringify({ articles: [], vocabulary: { words: [], counts: [] } });
    await writeFile(path.join(dir, docsFile), docs);
    const manifest = JSON.parse(await readFileText(path.join(dir, 'manifest.json')));
    manifest.docs.bytes = Buffer.byteLength(docs);
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));

    const rebuilt = await SearchService.open(library, source);
    expect(rebuilt.search('Hải Phòng ').total).toBeGreaterThan(0);
  });
});

function search(service: SearchService, query: string) {
  return hits(service.search(query));
}

async function readFileText(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8');
}

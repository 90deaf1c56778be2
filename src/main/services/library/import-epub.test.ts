import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEpub, DEFAULT_CHAPTERS, type FixtureChapter } from '../import/epub/fixtures/build-epub';
import { LibraryStore } from '../store';
import { LibraryService } from './library-service';
import { blocksOfLayout } from '../../../shared/text/block-layout';

let dir: string;
let store: LibraryStore;
let library: LibraryService;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-epub-'));
  store = await LibraryStore.open(dir, {});
  library = new LibraryService(store);
});

afterEach(async () => {
  await store.close();
});

describe('importing an EPUB', () => {
  it('adds the book with its details and keeps its contents in the excerpt the reader opens with', async () => {
    const long: FixtureChapter[] = Array.from({ length: 40 }, (_, i) => ({
      file: `c${i + 1}.xhtml`,
      title: `Chương ${i + 1}`,
      body:
        `<h1>Chương ${i + 1}</h1>` + Array.from({ length: 10 }, (_, j) => `<p>Đoạn ${j + 1}.</p>`).join(''),
    }));
    const outcome = await library.importBytes(buildEpub({ chapters: long }), 'Sông Hàn.epub');
    expect(outcome.article).toMatchObject({
      title: 'Sông Hàn kể chuyện',
      author: 'Lê Anh Tuấn, Trần Thị Mai',
      format: 'epub',
      language: 'vi',
      identifier: 'urn:isbn:9786040000001',
      publisher: 'NXB Đà Nẵng',
      sourceFile: 'articles/Sông Hàn.epub',
    });
    expect(library.list()[0]).toMatchObject({ language: 'vi', format: 'epub' });
    const { blocks } = await library.get(outcome.article.id);
    const excerpt = await library.excerpt(outcome.article.id, 0);
    expect(excerpt.excerpt.to).toBeLessThan(blocks.length);
    // Where every block lies, with its contents marks; the markup and origins only for the first screen.
    expect(excerpt.blocks).toEqual(blocks.slice(0, excerpt.excerpt.to));
    const marks = blocksOfLayout(excerpt.layout)
      .flatMap((block) => block.toc ?? [])
      .map((mark) => mark.label);
    expect(marks).toHaveLength(40);
    expect(marks.at(-1)).toBe('Chương 40');
  });

  it('leaves the library unchanged when a book is refused', async () => {
    await library.importBytes(buildEpub({ chapters: DEFAULT_CHAPTERS }), 'good.epub');
    await expect(
      library.importBytes(new TextEncoder().encode('not a zip'), 'bad.epub'),
    ).rejects.toMatchObject({
      code: 'unsupported',
      message: 'Cannot import “bad.epub”: it is not an EPUB book (not a zip file).',
    });
    expect(library.list()).toHaveLength(1);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual(['good.epub']);
  });
});

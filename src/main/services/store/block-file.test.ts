import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model/article';
import { blockLayout } from '../../../shared/text/block-layout';
import { BLOCKS_PER_RECORD, BlockFile, encodeBlockFile } from './block-file';
import { textHash } from './content-cache';
import { LibraryStore } from './library-store';
import { articleMeta, tempDir } from './testing/fixtures';
import { cacheOf } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const COUNT = 700;
const text = Array.from({ length: COUNT }, (_, i) => `Đoạn ${i} về Sơn Trà`).join('\n\n');
const blocks: Block[] = [];
for (let i = 0, at = 0; i < COUNT; i++) {
  const length = `Đoạn ${i} về Sơn Trà`.length;
  blocks.push({
    kind: i % 50 === 0 ? 'h2' : 'p',
    start: at,
    end: at + length,
    html: `Đoạn <em>${i}</em> về Sơn Trà`,
    ...(i % 50 === 0 && { toc: [{ label: `Phần ${i / 50}`, level: 1 }] }),
    ...(i % 7 === 0 && { origin: { doc: '/6/4', runs: [[0, '/4/2', 0]] } }),
  } as Block);
  at += length + 2;
}
const HASH = textHash(text);

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

/** Every block of a block file for `text`, or undefined. */
function allBlocks(file: string): Block[] | undefined {
  const opened = BlockFile.open(file, HASH);
  try {
    return opened?.blocks(0, COUNT);
  } finally {
    opened?.close();
  }
}

function writeBlockFile(): string {
  const file = path.join(tempDir(), 'book.blocks');
  writeFileSync(file, Buffer.concat(encodeBlockFile({ text, blocks }, HASH)));
  return file;
}

describe('block files', () => {
  it('give the layout and any range of blocks, across records, as written', () => {
    const file = BlockFile.open(writeBlockFile(), HASH)!;
    try {
      expect(file.header.layout).toEqual(blockLayout(blocks));
      expect(file.header.length).toBe(text.length);
      expect(file.blocks(0, 150)).toEqual(blocks.slice(0, 150));
      expect(file.blocks(BLOCKS_PER_RECORD - 10, BLOCKS_PER_RECORD + 140)).toEqual(
        blocks.slice(BLOCKS_PER_RECORD - 10, BLOCKS_PER_RECORD + 140),
      );
      expect(file.blocks(650, 900)).toEqual(blocks.slice(650));
      expect(file.blocks(0, COUNT)).toEqual(blocks);
    } finally {
      file.close();
    }
  });

  it('are refused when written for another text, cut short or damaged', () => {
    const file = writeBlockFile();
    expect(BlockFile.open(file, textHash('another text'))).toBeUndefined();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, 200));
    expect(BlockFile.open(file, HASH)).toBeUndefined();
    // A record whose blocks no longer lie where the layout says.
    const moved = bytes.toString('utf8').replace('"start":0,"end":', '"start":1,"end":');
    writeFileSync(file, moved);
    const opened = BlockFile.open(file, HASH)!;
    expect(opened.blocks(0, 10)).toBeUndefined();
    expect(opened.blocks(BLOCKS_PER_RECORD, BLOCKS_PER_RECORD + 10)).toEqual(
      blocks.slice(BLOCKS_PER_RECORD, BLOCKS_PER_RECORD + 10),
    );
    opened.close();
  });
});

describe('the first screen of an article', () => {
  const contentDir = (dir: string) => path.join(cacheOf(dir), 'content');
  const middle = () => ({ from: 300, to: 450 });

  async function saved(): Promise<string> {
    const dir = tempDir();
    const store = await LibraryStore.open(dir);
    open.push(store);
    await store.putArticle(articleMeta({ contentHash: HASH }));
    await store.writeContent(ID, { text, blocks });
    await Promise.all(open.splice(0).map((s) => s.close()));
    return dir;
  }

  it('is read after a restart without the content file', async () => {
    const dir = await saved();
    // A content file that cannot be parsed proves the window comes from the block and text files.
    writeFileSync(path.join(contentDir(dir), `${ID}.json`), '{"text": "cut sh');
    const store = await LibraryStore.open(dir);
    open.push(store);
    const window = store.readContentWindow(ID, HASH, middle)!;
    expect(window.layout).toEqual(blockLayout(blocks));
    expect(window.from).toBe(300);
    expect(window.blocks).toEqual(blocks.slice(300, 450));
    expect(window.text).toBe(text.slice(blocks[300]!.start, blocks[449]!.end));
    expect(window.length).toBe(text.length);
  });

  it('comes from the whole content when its block file is missing, which is then written again', async () => {
    const dir = await saved();
    const file = path.join(contentDir(dir), `${ID}.blocks`);
    rmSync(file);
    const store = await LibraryStore.open(dir);
    open.push(store);
    expect(store.readContentWindow(ID, HASH, middle)).toBeUndefined();
    expect((await store.readContent(ID))?.blocks).toEqual(blocks);
    expect(allBlocks(file)).toEqual(blocks);
  });

  it('is not taken from a damaged block file, which is removed to be written again', async () => {
    const dir = await saved();
    const file = path.join(contentDir(dir), `${ID}.blocks`);
    const start = blocks[400]!.start;
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"start":${start},`, `"start":${start + 1},`));
    const store = await LibraryStore.open(dir);
    open.push(store);
    expect(store.readContentWindow(ID, HASH, () => ({ from: 0, to: 150 }))?.blocks).toEqual(
      blocks.slice(0, 150),
    );
    expect(store.readContentWindow(ID, HASH, middle)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.readContent(ID);
    expect(allBlocks(file)).toEqual(blocks);
  });
});

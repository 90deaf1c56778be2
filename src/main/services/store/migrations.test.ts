import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { tempDir } from './testing/fixtures';
import { cacheOf, ownFolder } from './testing/own-folder';

const ARTICLE = '3b241101-e2bb-4255-8caf-4136c566a962';
const HIGHLIGHT = '0d3f5e8a-7b1c-4a2d-9e6f-1a2b3c4d5e6f';

/** library.json as version 0 wrote it: no tombstone flag on articles. */
const LIBRARY_V0 = `{
  "schemaVersion": 0,
  "articles": [
    {
      "id": "${ARTICLE}",
      "title": "Khảo sát Sơn Trà",
      "author": "Phóng viên",
      "published": "2024-05-01",
      "sourceFile": "articles/son-tra-khao-sat.txt",
      "format": "txt",
      "contentHash": "${'b'.repeat(64)}",
      "wordCount": 24,
      "charCount": 120,
      "tags": ["Đà Nẵng"],
      "progress": 0.5,
      "highlightCount": 1,
      "createdAt": "2024-05-01T08:00:00.000Z",
      "updatedAt": "2024-05-02T08:00:00.000Z"
    }
  ],
  "tags": [{ "name": "Đà Nẵng", "color": "#336699" }],
  "settings": { "theme": "dark", "font": "sans", "fontSize": 20 }
}
`;

/** A shard as version 0 wrote it: no tombstone or orphan flag on highlights. */
const SHARD_V0 = `{
  "schemaVersion": 0,
  "articleId": "${ARTICLE}",
  "note": "Ghi chú cũ",
  "annotations": [
    {
      "id": "${HIGHLIGHT}",
      "articleId": "${ARTICLE}",
      "target": {
        "quote": { "type": "TextQuoteSelector", "exact": "Sơn Trà", "prefix": "", "suffix": " là bán đảo" },
        "position": { "type": "TextPositionSelector", "start": 0, "end": 7 }
      },
      "color": "green",
      "note": "đẹp",
      "tags": ["Đà Nẵng"],
      "createdAt": "2024-05-01T09:00:00.000Z",
      "updatedAt": "2024-05-01T09:00:00.000Z"
    }
  ]
}
`;

const open: LibraryStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

function v0Library(): string {
  const dir = tempDir();
  mkdirSync(path.join(ownFolder(dir), 'annotations'), { recursive: true });
  writeFileSync(path.join(ownFolder(dir), 'library.json'), LIBRARY_V0);
  writeFileSync(path.join(ownFolder(dir), 'annotations', `${ARTICLE}.json`), SHARD_V0);
  return dir;
}

describe('migration from version 0', () => {
  it('migrates library.json and a shard to version 1, keeping every record and a copy of the original', async () => {
    const dir = v0Library();
    const store = await LibraryStore.open(dir);
    open.push(store);

    expect(store.getArticle(ARTICLE)).toMatchObject({
      title: 'Khảo sát Sơn Trà',
      deleted: false,
      progress: 0.5,
    });
    expect(store.getSettings()).toEqual({ theme: 'dark', font: 'sans', fontSize: 20 });
    expect(await store.getArticleNote(ARTICLE)).toBe('Ghi chú cũ');
    expect(await store.listAnnotations(ARTICLE)).toEqual([
      expect.objectContaining({
        id: HIGHLIGHT,
        note: 'đẹp',
        tags: ['Đà Nẵng'],
        deleted: false,
        orphaned: false,
      }),
    ]);
    expect(await store.listTags()).toEqual([{ name: 'Đà Nẵng', color: '#336699', count: 2 }]);
    expect(store.takeNotices().map((n) => n.message)).toEqual([]);

    const glossDir = cacheOf(dir);
    const library = JSON.parse(readFileSync(path.join(ownFolder(dir), 'library.json'), 'utf8'));
    expect(library).toMatchObject({
      schemaVersion: 1,
      articles: [expect.objectContaining({ deleted: false })],
    });
    const shard = JSON.parse(
      readFileSync(path.join(ownFolder(dir), 'annotations', `${ARTICLE}.json`), 'utf8'),
    );
    expect(shard).toMatchObject({
      schemaVersion: 1,
      annotations: [expect.objectContaining({ orphaned: false })],
    });

    const [libraryBackup] = readdirSync(path.join(glossDir, 'backups', 'library'));
    expect(libraryBackup).toMatch(/\.before-migration-v0\.json$/);
    expect(readFileSync(path.join(glossDir, 'backups', 'library', libraryBackup as string), 'utf8')).toBe(
      LIBRARY_V0,
    );
    const [shardBackup] = readdirSync(path.join(glossDir, 'backups', 'annotations', ARTICLE));
    expect(
      readFileSync(path.join(glossDir, 'backups', 'annotations', ARTICLE, shardBackup as string), 'utf8'),
    ).toBe(SHARD_V0);
  });

  it('treats a version 0 file that does not match version 0 as damaged', async () => {
    const dir = v0Library();
    writeFileSync(path.join(ownFolder(dir), 'library.json'), '{"schemaVersion": 0, "articles": {}}');
    const store = await LibraryStore.open(dir);
    open.push(store);
    expect(store.listArticles()).toEqual([]);
    expect(store.takeNotices().map((n) => n.message)[0]).toMatch(
      /damaged \(its content is not what Gloss expects: articles/,
    );
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleMeta } from '../../../../shared/model/article';

/** A fresh, empty folder under the OS temp dir. */
export function tempDir(prefix = 'gloss-store-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The canonical text of the test article (Vietnamese, NFC). */
export const ARTICLE_TEXT =
  'Sơn Trà là bán đảo nằm ở phía đông bắc thành phố Đà Nẵng.\n\nĐoàn khảo sát đã đến đây vào sáng thứ Hai.';

/** An article record with fixed, valid values; `overrides` replace any of them. */
export function articleMeta(overrides: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    title: 'Khảo sát Sơn Trà',
    author: null,
    published: '2024-05-01',
    sourceFile: 'articles/son-tra-khao-sat.txt',
    format: 'txt',
    contentHash: 'a'.repeat(64),
    wordCount: 24,
    charCount: ARTICLE_TEXT.length,
    tags: [],
    progress: 0,
    highlightCount: 0,
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    deleted: false,
    ...overrides,
  };
}

/** The bytes version `n` of the crash-test file: valid JSON whose padding length depends on n, so a mix is detectable. */
export function versionText(n: number): string {
  return JSON.stringify({ version: n, padding: String(n % 10).repeat(200_000 + (n % 97) * 1000) });
}

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import type { ArticleMeta } from '../../shared/model/article';
import { renderExport, writeExportFiles } from './export';
import { exportFiles } from './export-stream';
import { MemoryExportSource } from './memory-export-source';

const NOW = new Date('2024-06-01T00:00:00.000Z');

function id(n: number): string {
  return `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

/** 40 articles, every third one titled like another, each with two highlights. */
function library(): MemoryExportSource {
  const articles: ArticleMeta[] = [];
  const annotations: Annotation[] = [];
  for (let n = 1; n <= 40; n++) {
    articles.push({
      id: id(n),
      title: n % 3 === 0 ? 'Sơn Trà' : `Bài ${n}`,
      author: null,
      published: null,
      sourceFile: `articles/${n}.txt`,
      format: 'txt',
      contentHash: 'f'.repeat(64),
      wordCount: 10,
      charCount: 100,
      tags: [],
      progress: 0,
      highlightCount: 2,
      createdAt: '2024-04-01T00:00:00.000Z',
      updatedAt: '2024-04-01T00:00:00.000Z',
      deleted: false,
    });
    for (let h = 1; h <= 2; h++) {
      annotations.push({
        id: `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${h.toString().padStart(12, '0')}`,
        articleId: id(n),
        target: {
          quote: { type: 'TextQuoteSelector', exact: `Đà Nẵng ${n}.${h}`, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: h * 10, end: h * 10 + 5 },
        },
        color: 'yellow',
        note: h === 1 ? 'Ghi chú' : '',
        tags: [],
        createdAt: '2024-04-02T09:00:00.000Z',
        updatedAt: '2024-04-02T09:00:00.000Z',
        deleted: false,
        orphaned: false,
      });
    }
  }
  return new MemoryExportSource({ articles, annotations });
}

async function folderContents(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), 'utf8')])),
  );
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-export-stream-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('exportFiles', () => {
  it('writes, step by step, the same files as rendering the whole export at once, in its language and colour style', async () => {
    const source = library();
    const whole = path.join(dir, 'whole');
    const streamed = path.join(dir, 'streamed');
    const params = {
      scope: { kind: 'all' as const },
      format: 'md' as const,
      language: 'vi' as const,
      colorMarker: 'text' as const,
    };
    await writeExportFiles(await renderExport(source, params, NOW), { kind: 'folder', path: whole });
    const written = await exportFiles(source, params, { kind: 'folder', path: streamed }, NOW);
    expect(written).toHaveLength(40);
    expect(await folderContents(streamed)).toEqual(await folderContents(whole));
    expect(Object.keys(await folderContents(streamed))).toContain('Sơn Trà (13).md');
  });

  it('merges into the files of an earlier export and leaves a stranger’s file alone', async () => {
    const source = library();
    const folder = path.join(dir, 'out');
    const params = { scope: { kind: 'articles' as const, ids: [id(3), id(6)] }, format: 'md' as const };
    await exportFiles(source, params, { kind: 'folder', path: folder }, NOW);
    const first = path.join(folder, 'Sơn Trà.md');
    await writeFile(first, `${await readFile(first, 'utf8')}\nMy own words.\n`);
    await writeFile(path.join(folder, 'Bài 1.md'), 'Not from Gloss.\n');
    const again = await exportFiles(
      source,
      { scope: { kind: 'articles', ids: [id(1), id(3), id(6)] }, format: 'md' },
      { kind: 'folder', path: folder },
      NOW,
    );
    expect(again.map((file) => path.basename(file))).toEqual([
      'Bài 1 (2).md',
      'Sơn Trà.md',
      'Sơn Trà (2).md',
    ]);
    expect(await readFile(first, 'utf8')).toContain('My own words.');
    expect(await readFile(path.join(folder, 'Bài 1.md'), 'utf8')).toBe('Not from Gloss.\n');
  });
});

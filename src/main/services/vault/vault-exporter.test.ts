import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import type { ChangeEvent } from '../../../shared/model/change';
import { MemoryExportSource, type MemoryLibrary } from '../memory-export-source';
import { VaultExporter } from './vault-exporter';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const H1 = 'aaaaaaaa-1111-4111-8111-111111111111';
const H2 = 'bbbbbbbb-2222-4222-8222-222222222222';

function article(id: string, title: string): ArticleMeta {
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
    tags: [],
    progress: 0,
    highlightCount: 1,
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
    deleted: false,
  };
}

function highlight(id: string, articleId: string, exact: string, note = ''): Annotation {
  return {
    id,
    articleId,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    },
    color: 'yellow',
    note,
    tags: [],
    createdAt: '2024-04-02T09:00:00.000Z',
    updatedAt: '2024-04-02T09:00:00.000Z',
    deleted: false,
    orphaned: false,
  };
}

/** A change feed the test drives by hand. */
function feed() {
  const subscribers = new Set<(event: ChangeEvent) => void>();
  return {
    subscribe(subscriber: (event: ChangeEvent) => void) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    emit(event: ChangeEvent) {
      for (const s of subscribers) s(event);
    },
  };
}

let folder: string;
let library: MemoryLibrary;
let notices: string[];

function exporter(changes = feed(), source = new MemoryExportSource(library)) {
  return new VaultExporter({
    folder,
    source,
    changes,
    notify: (m) => notices.push(m.message),
    now: () => new Date('2024-05-01T08:30:00.000Z'),
  });
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'gloss-vault-'));
  library = {
    articles: [article(A, 'Sơn Trà'), article(B, 'Chưa đọc')],
    annotations: [highlight(H1, A, 'bán đảo Sơn Trà')],
  };
  notices = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(folder, { recursive: true, force: true });
});

describe('debounce', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });

  it('exports once the changes have been quiet for the delay, not before', async () => {
    const changes = feed();
    const vault = exporter(changes);
    const flush = vi.spyOn(vault, 'flush').mockResolvedValue();
    vault.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(flush).toHaveBeenCalledTimes(1);
    changes.emit({ kind: 'annotations-changed', articleId: A, ids: [H1] });
    await vi.advanceTimersByTimeAsync(1000);
    changes.emit({ kind: 'article-changed', articleId: A, content: false });
    await vi.advanceTimersByTimeAsync(1400);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('exports within the longest wait while changes keep coming', async () => {
    const changes = feed();
    const vault = exporter(changes);
    const flush = vi.spyOn(vault, 'flush').mockResolvedValue();
    vault.start();
    await vi.advanceTimersByTimeAsync(0);
    flush.mockClear();
    for (let t = 0; t < 5000; t += 1000) {
      changes.emit({ kind: 'annotations-changed', articleId: A, ids: [H1] });
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('ignores reading progress and reader preferences', async () => {
    const changes = feed();
    const vault = exporter(changes);
    const flush = vi.spyOn(vault, 'flush').mockResolvedValue();
    vault.start();
    await vi.advanceTimersByTimeAsync(0);
    flush.mockClear();
    changes.emit({ kind: 'article-changed', articleId: A, content: false, progressOnly: true });
    changes.emit({ kind: 'settings-changed' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flush).not.toHaveBeenCalled();
  });
});

describe('export into the folder', () => {
  it('writes a file for each article with highlights or a note, none for the others', async () => {
    const vault = exporter();
    vault.start();
    await vault.stop();
    expect(await readdir(folder)).toEqual(['Sơn Trà.md']);
    expect(await readFile(path.join(folder, 'Sơn Trà.md'), 'utf8')).toContain('bán đảo Sơn Trà');
  });

  it('merges a change into the file the article already has, keeping what the user wrote outside the markers', async () => {
    const changes = feed();
    const source = new MemoryExportSource(library);
    const vault = exporter(changes, source);
    vault.start();
    await vault.flush();
    // The user renames the file and writes around Gloss's part.
    const renamed = path.join(folder, 'Đọc - Sơn Trà của tôi.md');
    const first = await readFile(path.join(folder, 'Sơn Trà.md'), 'utf8');
    await rm(path.join(folder, 'Sơn Trà.md'));
    await writeFile(renamed, `${first}\n## Suy nghĩ của tôi\n\nViết tay, ngoài dấu.\n`);
    await source.importAnnotations(A, [highlight(H2, A, 'voọc chà vá chân nâu', 'Loài quý')]);
    changes.emit({ kind: 'annotations-changed', articleId: A, ids: [H2] });
    await vault.stop();
    expect(await readdir(folder)).toEqual(['Đọc - Sơn Trà của tôi.md']);
    const text = await readFile(renamed, 'utf8');
    expect(text).toContain('voọc chà vá chân nâu');
    expect(text).toContain('Loài quý');
    expect(text.endsWith('\n## Suy nghĩ của tôi\n\nViết tay, ngoài dấu.\n')).toBe(true);
    expect(notices).toEqual([]);
  });

  it('marks a deleted article’s file as removed and keeps all of it', async () => {
    const changes = feed();
    const vault = exporter(changes);
    vault.start();
    await vault.flush();
    const file = path.join(folder, 'Sơn Trà.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nGhi chú riêng.\n`);
    const before = await readFile(file, 'utf8');
    library.articles[0] = { ...article(A, 'Sơn Trà'), deleted: true };
    changes.emit({ kind: 'article-removed', articleId: A });
    await vault.stop();
    const after = await readFile(file, 'utf8');
    expect(after).toMatch(/^---\n[\s\S]*gloss-removed: "2024-05-01T08:30:00.000Z"\n[\s\S]*---\n/);
    expect(after.slice(after.indexOf('<!-- gloss:start'))).toBe(
      before.slice(before.indexOf('<!-- gloss:start')),
    );
  });

  it('tells once when the folder is gone, keeps trying, and tells when it works again', async () => {
    const changes = feed();
    const source = new MemoryExportSource(library);
    const vault = exporter(changes, source);
    await rm(folder, { recursive: true });
    vault.start();
    await vault.flush();
    changes.emit({ kind: 'annotations-changed', articleId: A, ids: [H1] });
    await vault.flush();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('the folder is gone');
    expect(notices[0]).toContain('try again');
    expect(vault.status().problem).toMatchObject({ key: 'notices.exportFolderFailed', message: notices[0] });
    await mkdir(folder);
    await vault.stop();
    expect(await readdir(folder)).toEqual(['Sơn Trà.md']);
    expect(notices[1]).toContain('up to date again');
    expect(vault.status().problem).toBeNull();
  });

  it('leaves a file with broken markers untouched, says which, and still updates the others', async () => {
    const changes = feed();
    const source = new MemoryExportSource(library);
    const vault = exporter(changes, source);
    vault.start();
    await vault.flush();
    const file = path.join(folder, 'Sơn Trà.md');
    const broken = (await readFile(file, 'utf8')).replace('<!-- gloss:end -->', '');
    await writeFile(file, `${broken}<!-- gloss:start id=${A} -->\n`);
    const damaged = await readFile(file, 'utf8');
    await source.importAnnotations(B, [highlight(H2, B, 'đọc sau')]);
    changes.emit({ kind: 'annotations-changed', articleId: A, ids: [H1] });
    changes.emit({ kind: 'annotations-changed', articleId: B, ids: [H2] });
    await vault.stop();
    expect(await readFile(file, 'utf8')).toBe(damaged);
    expect(await readFile(path.join(folder, 'Chưa đọc.md'), 'utf8')).toContain('đọc sau');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Sơn Trà.md');
    expect(notices[0]).toContain('no end marker');
  });
});

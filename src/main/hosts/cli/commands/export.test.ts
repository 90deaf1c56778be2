import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportMethods } from '../../../../shared/contract/export';
import { fail, ok } from '../../../../shared/result';
import type { Annotation } from '../../../../shared/model/annotation';
import type { ArticleMeta } from '../../../../shared/model/article';
import { errorResult } from '../../../dispatch';
import type { Handlers } from '../../../services/handlers';
import { exportHandlers } from '../../../services/export';
import { exportFiles } from '../../../services/export-stream';
import { MemoryExportSource } from '../../../services/memory-export-source';
import { ChangeFeed } from '../../../services/store/change-feed';
import { VaultControl } from '../../../services/vault/vault-control';
import type { CommandContext } from '../command';
import { main } from '../main';
import { exportCommand, importAnnotationsCommand } from './export';

const ID = '11111111-1111-4111-8111-111111111111';

const meta: ArticleMeta = {
  id: ID,
  title: 'Đảng bộ Q. Sơn Trà',
  author: null,
  published: null,
  sourceFile: 'articles/son-tra.txt',
  format: 'txt',
  contentHash: 'f'.repeat(64),
  wordCount: 10,
  charCount: 100,
  tags: [],
  progress: 0,
  highlightCount: 1,
  createdAt: '2024-04-01T00:00:00.000Z',
  updatedAt: '2024-04-01T00:00:00.000Z',
  deleted: false,
};

const highlight: Annotation = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  articleId: ID,
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'Sơn Trà', prefix: 'Q. ', suffix: '' },
    position: { type: 'TextPositionSelector', start: 12, end: 19 },
  },
  color: 'blue',
  note: 'Ghi chú',
  tags: ['Đà Nẵng'],
  createdAt: '2024-04-02T09:00:00.000Z',
  updatedAt: '2024-04-02T09:00:00.000Z',
  deleted: false,
  orphaned: false,
};

/** A command context whose dispatcher validates like the real one and serves the export handlers. */
function context(
  source: MemoryExportSource,
  options: CommandContext['options'],
  args: string[] = [],
): CommandContext {
  const handlers = exportHandlers(source);
  const dispatch = async (name: string, params: unknown) => {
    if (name !== 'renderExport' && name !== 'importWebAnnotations') return fail('unknown-method', name);
    const parsed = exportMethods[name].params.safeParse(params);
    if (!parsed.success) return fail('invalid-argument', parsed.error.message);
    try {
      return ok(await (handlers[name] as (p: unknown) => Promise<unknown>)(parsed.data));
    } catch (error) {
      return errorResult(error);
    }
  };
  const changes = new ChangeFeed();
  const vault = new VaultControl({ libraryPath: '/no-library', source, changes, notify: () => {} });
  return {
    services: {
      handlers: {} as Handlers,
      dispatch,
      exportFiles: (params, target) => exportFiles(source, params, target),
      vault: async () => vault,
      bookImage: async () => null,
      changes,
      flush: async () => {},
      stop: async () => {},
    },
    rendererDir: '',
    json: false,
    args,
    options,
  };
}

const library = () => new MemoryExportSource({ articles: [meta], annotations: [highlight] });

let dir: string;
let log: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-cli-export-'));
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(async () => {
  log.mockRestore();
  await rm(dir, { recursive: true, force: true });
});

describe('gloss export --watch', () => {
  it('exports into the folder, then keeps it current with each change until stopped', async () => {
    const source = library();
    const out = path.join(dir, 'Sổ tay');
    const ctx = context(source, { watch: true, all: true, out });
    const signals = vi.spyOn(process, 'once').mockReturnValue(process);
    expect(await exportCommand.run(ctx)).toBe('keep-running');
    expect(signals).toHaveBeenCalledWith('SIGINT', expect.any(Function));
    signals.mockRestore();
    const file = path.join(out, 'Đảng bộ Q. Sơn Trà.md');
    expect(await readFile(file, 'utf8')).toContain('Ghi chú');
    const second = { ...highlight, id: 'aaaaaaaa-0000-4000-8000-000000000002', note: 'Ghi chú mới' };
    await source.importAnnotations(ID, [second]);
    await ctx.services.changes.publish({ kind: 'annotations-changed', articleId: ID, ids: [second.id] });
    await (await ctx.services.vault()).stop();
    expect(await readFile(file, 'utf8')).toContain('Ghi chú mới');
  });

  it('refuses what it cannot keep current', async () => {
    await expect(exportCommand.run(context(library(), { watch: true, tag: 'x', out: dir }))).rejects.toThrow(
      /--watch[\s\S]*--tag/,
    );
    await expect(
      exportCommand.run(context(library(), { watch: true, format: 'json', out: dir })),
    ).rejects.toThrow(/--watch/);
  });
});

describe('gloss export', () => {
  it('writes Markdown files into the --out folder', async () => {
    await exportCommand.run(context(library(), { all: true, out: dir }));
    expect(await readdir(dir)).toEqual(['Đảng bộ Q. Sơn Trà.md']);
    expect(log).toHaveBeenCalledWith(`Exported 1 file to ${dir}/`);
  });

  it('writes one article to a named .md file, with a user template', async () => {
    const template = path.join(dir, 'mẫu.hbs');
    await writeFile(template, '{{#each highlights}}{{quote}} ({{color}}){{/each}}\n');
    const out = path.join(dir, 'một bài.md');
    await exportCommand.run(context(library(), { article: ID, out, template }));
    expect(await readFile(out, 'utf8')).toBe(
      `<!-- gloss:start id=${ID} -->\nSơn Trà (blue)\n<!-- gloss:end -->\n`,
    );
  });

  it('writes Web Annotation JSON that import-annotations reads back', async () => {
    const out = path.join(dir, 'chú thích.json');
    await exportCommand.run(context(library(), { tag: 'đà nẵng', format: 'json', out }));
    const empty = new MemoryExportSource({ articles: [meta], annotations: [] });
    await importAnnotationsCommand.run(context(empty, {}, [out]));
    expect(log).toHaveBeenLastCalledWith('Imported 1 annotation.');
    expect(empty.allAnnotations()).toEqual([highlight]);
    await importAnnotationsCommand.run(context(empty, {}, [out]));
    expect(log).toHaveBeenLastCalledWith(
      'Imported 0 annotations; skipped 1 (already in the library, or their article is not).',
    );
  });

  it('explains usage mistakes', async () => {
    const run = (options: CommandContext['options']) => exportCommand.run(context(library(), options));
    await expect(run({ out: dir })).rejects.toThrow('Choose what to export');
    await expect(run({ all: true, tag: 'x', out: dir })).rejects.toThrow('Choose what to export');
    await expect(run({ all: true })).rejects.toThrow('--out PATH is required.');
    await expect(run({ all: true, format: 'pdf', out: dir })).rejects.toThrow('--format must be md or json');
    await expect(run({ all: true, format: 'json', out: path.join(dir, 'x.md') })).rejects.toThrow(
      '--out ends in .md but the format is json.',
    );
    await expect(run({ all: true, out: dir, template: path.join(dir, 'missing.hbs') })).rejects.toThrow(
      `Cannot read the template ${path.join(dir, 'missing.hbs')}: no such file.`,
    );
    await expect(importAnnotationsCommand.run(context(library(), {}, []))).rejects.toThrow(
      'Give exactly one file',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('is listed in gloss --help', async () => {
    expect(await main(['--help'], '')).toBe(0);
    const help = String(log.mock.calls.at(-1)?.[0]);
    expect(help).toContain('export --article ID|--tag TAG|--all --out PATH');
    expect(help).toContain('import-annotations FILE');
  });
});

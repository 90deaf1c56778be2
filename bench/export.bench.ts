import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderExport, writeExportFiles } from '../src/main/services/export';
import { MemoryExportSource } from '../src/main/services/memory-export-source';
import { HIGHLIGHT_COLORS, type Annotation } from '../src/shared/model/annotation';
import type { ArticleMeta } from '../src/shared/model/article';
import { percentiles, report } from './report';

const ARTICLES = 1_000;
const HIGHLIGHTS = 100_000;
const RUNS = 3;

const words =
  'Đoàn khảo sát Ban Chỉ đạo Đề án Trung ương làm việc với Đảng bộ Sơn Trà đổi mới phương thức lãnh đạo #tag *x* - 1.'.split(
    ' ',
  );

function phrase(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(' ');
}

/** A UUID-shaped id whose first 8 digits differ between highlights, as random UUIDs do. */
function uuid(article: number, n: number): string {
  return `${(n * 7919 + article).toString(16).padStart(8, '0')}-0000-4000-8000-${article.toString(16).padStart(12, '0')}`;
}

/** A library of 1,000 articles and 100,000 highlights with notes, tags and multi-line quotes. */
function generateLibrary(): MemoryExportSource {
  const articles: ArticleMeta[] = [];
  const annotations: Annotation[] = [];
  const notes: Record<string, string> = {};
  const perArticle = HIGHLIGHTS / ARTICLES;
  for (let a = 0; a < ARTICLES; a++) {
    const id = uuid(a + 1, 0);
    articles.push({
      id,
      title: `${phrase(a, 8)} ${a}`,
      author: a % 3 === 0 ? null : 'LÊ ANH TUẤN',
      published: '2022-04-01',
      sourceFile: `articles/bai-${a}.txt`,
      format: 'txt',
      contentHash: 'f'.repeat(64),
      wordCount: 2_000,
      charCount: 12_000,
      tags: ['Đà Nẵng', `chủ đề ${a % 20}`],
      progress: 0,
      highlightCount: perArticle,
      createdAt: '2024-04-01T00:00:00.000Z',
      updatedAt: '2024-04-01T00:00:00.000Z',
      deleted: false,
    });
    notes[id] = a % 2 === 0 ? `Ghi chú bài ${a}\n\n- ${phrase(a, 12)}` : '';
    for (let h = 0; h < perArticle; h++) {
      const exact = h % 10 === 0 ? `${phrase(h, 12)}\n${phrase(h + 1, 10)}` : phrase(a + h, 6 + (h % 20));
      const start = h * 120;
      annotations.push({
        id: uuid(a + 1, h + 1),
        articleId: id,
        target: {
          quote: { type: 'TextQuoteSelector', exact, prefix: phrase(h, 5), suffix: phrase(h + 2, 5) },
          position: { type: 'TextPositionSelector', start, end: start + exact.length },
        },
        color: HIGHLIGHT_COLORS[h % HIGHLIGHT_COLORS.length] ?? 'yellow',
        note: h % 3 === 0 ? `${phrase(h, 15)}\n# không phải tiêu đề` : '',
        tags: h % 4 === 0 ? ['Nghị quyết', '2022'] : [],
        createdAt: '2024-04-02T09:00:00.000Z',
        updatedAt: '2024-04-02T09:00:00.000Z',
        deleted: false,
        orphaned: h % 50 === 0,
      });
    }
  }
  return new MemoryExportSource({ articles, notes, annotations });
}

const ms = (from: number) => performance.now() - from;

describe('export', () => {
  const root = mkdtemp(path.join(os.tmpdir(), 'gloss-bench-export-'));
  afterAll(async () => rm(await root, { recursive: true, force: true }));

  it('exports 1,000 articles and 100,000 highlights to Markdown files', async () => {
    const source = generateLibrary();
    const totals: number[] = [];
    const renders: number[] = [];
    const floors: number[] = [];
    const reexports: number[] = [];
    const cpuTimes: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const out = path.join(await root, `export-${run}`);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const files = await renderExport(source, { scope: { kind: 'all' }, format: 'md' });
      renders.push(ms(started));
      const written = await writeExportFiles(files, { kind: 'folder', path: out });
      totals.push(ms(started));
      const cpu = process.cpuUsage(cpuBefore);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      expect(written).toHaveLength(ARTICLES);
      bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);

      const again = performance.now();
      await writeExportFiles(await renderExport(source, { scope: { kind: 'all' }, format: 'md' }), {
        kind: 'folder',
        path: out,
      });
      reexports.push(ms(again));

      const plain = path.join(await root, `plain-${run}`);
      await mkdir(plain);
      const floorStarted = performance.now();
      for (const [i, f] of files.entries()) await writeFile(path.join(plain, `${i}.md`), f.content);
      floors.push(ms(floorStarted));
    }
    const total = percentiles(totals).median;
    const floor = percentiles(floors).median;
    report(`Export: ${ARTICLES} articles, ${HIGHLIGHTS} highlights to Markdown (median of ${RUNS})`, [
      {
        name: 'export all to a new folder (render + write)',
        value: total,
        unit: 'ms',
        target: '< 2000 ms',
        met: total < 2000,
      },
      { name: 'of which rendering', value: percentiles(renders).median, unit: 'ms' },
      { name: 'CPU time of that export (all threads)', value: percentiles(cpuTimes).median, unit: 'ms' },
      { name: 're-export into the same folder (merge)', value: percentiles(reexports).median, unit: 'ms' },
      { name: 'floor: same bytes as 1,000 plain writeFile', value: floor, unit: 'ms' },
      { name: 'export / floor', value: total / floor, unit: 'x' },
      { name: 'Markdown written', value: bytes / 1e6, unit: 'MB' },
    ]);
  });
});

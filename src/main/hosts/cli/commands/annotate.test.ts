import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../shared/model/annotation';
import type { ArticleMeta, ImportOutcome } from '../../../../shared/model/article';
import { main } from '../main';
import { findQuote } from '../quote';

const SAMPLE = path.resolve(__dirname, '../../../../../resources/samples/son-tra-khao-sat.txt');

let dir: string;
let log: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-annotate-'));
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `gloss --library DIR --json ARGS…`; resolves to the exit code and the JSON printed, if any. */
async function gloss(...args: string[]): Promise<{ code: number; value: unknown; stderr: string }> {
  log.mockClear();
  error.mockClear();
  const code = await main(['--library', path.join(dir, 'library'), '--json', ...args], '');
  const out = log.mock.calls.map((c: unknown[]) => String(c[0])).join('\n');
  return {
    code,
    value: out ? (JSON.parse(out) as unknown) : undefined,
    stderr: error.mock.calls.map((c: unknown[]) => String(c[0])).join('\n'),
  };
}

async function importSample(): Promise<ArticleMeta> {
  const { value } = await gloss('import', SAMPLE);
  return (value as (ImportOutcome & { ok: true })[])[0]!.article;
}

describe('findQuote', () => {
  it('finds every occurrence, white space matching any white space, NFD quotes too', () => {
    const text = 'Sơn Trà\nđẹp. Sơn  Trà xanh.';
    expect(findQuote(text, 'Sơn Trà')).toEqual([
      { start: 0, end: 7 },
      { start: 13, end: 21 },
    ]);
    expect(findQuote(text, 'Trà đẹp'.normalize('NFD'))).toEqual([{ start: 4, end: 11 }]);
    expect(findQuote(text, '  ')).toEqual([]);
  });
});

describe('gloss highlight, annotations, note, tag', () => {
  it('highlights a quote, lists it, sets its note and tags, and tags the article', async () => {
    const article = await importSample();
    const made = await gloss(
      'highlight',
      article.id,
      '--quote',
      'Bí thư Quận ủy Sơn Trà',
      '--color',
      'green',
      '--note',
      'Người phát biểu',
      '--tag',
      'Đà Nẵng',
      '--tag',
      'nhân vật',
    );
    expect(made.code).toBe(0);
    const highlight = made.value as Annotation;
    expect(highlight).toMatchObject({
      color: 'green',
      note: 'Người phát biểu',
      tags: ['Đà Nẵng', 'nhân vật'],
    });
    expect(highlight.target.quote.exact).toBe('Bí thư Quận ủy Sơn Trà');

    expect((await gloss('annotations', article.id)).value).toEqual([highlight]);
    const noted = await gloss('note', highlight.id, '--text', 'Bí thư Quận ủy');
    expect(noted.value).toMatchObject({ id: highlight.id, note: 'Bí thư Quận ủy' });
    const tagged = await gloss('tag', highlight.id, '--add', 'lãnh đạo', '--remove', 'NHÂN VẬT');
    expect((tagged.value as Annotation).tags).toEqual(['Đà Nẵng', 'lãnh đạo']);
    expect(((await gloss('tag', article.id, '--add', 'khảo sát')).value as ArticleMeta).tags).toEqual([
      'khảo sát',
    ]);
    await gloss('note', article.id, '--text', 'Bài mẫu');
    const shown = (await gloss('show', article.id)).value as { note: string };
    expect(shown.note).toBe('Bài mẫu');
  });

  it('asks for --occurrence when a quote occurs more than once, and takes the one named', async () => {
    const article = await importSample();
    const ambiguous = await gloss('highlight', article.id, '--quote', 'Nguyễn Quang Dương');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/occurs \d+ times in .*--occurrence 1 to \d+/);
    const second = await gloss('highlight', article.id, '--quote', 'Nguyễn Quang Dương', '--occurrence', '2');
    expect(second.code).toBe(0);
    const positions = findQuote(
      ((await gloss('show', article.id)).value as { text: string }).text,
      'Nguyễn Quang Dương',
    );
    expect((second.value as Annotation).target.position.start).toBe(positions[1]!.start);
  });

  it('fails with exit code 1 and a clear message for a quote not in the text, a bad colour or an unknown id', async () => {
    const article = await importSample();
    const missing = await gloss('highlight', article.id, '--quote', 'kỳ lân xanh');
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('“kỳ lân xanh” is not in')]);
    const colour = await gloss(
      'highlight',
      article.id,
      '--quote',
      'Sơn Trà',
      '--occurrence',
      '1',
      '--color',
      'teal',
    );
    expect([colour.code, colour.stderr]).toEqual([
      1,
      expect.stringContaining('--color must be one of yellow'),
    ]);
    const unknown = await gloss('note', '11111111-1111-4111-8111-111111111111', '--text', 'x');
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('no article or highlight')]);
    expect((await gloss('annotations', article.id)).value).toEqual([]);
  });
});

describe('gloss import -', () => {
  it('imports standard input under the name --name gives, and says when the name is missing', async () => {
    const clippings =
      'Số đỏ (Vũ Trọng Phụng)\r\n- Your Highlight on page 3 | Location 40-41 | Added on Sunday, March 3, 2019 10:15:37 PM\r\n\r\nXuân Tóc Đỏ\r\n==========\r\n';
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(
      Readable.from([Buffer.from(clippings)]) as typeof process.stdin,
    );
    const { code, value } = await gloss('import', '-', '--name', 'My Clippings.txt');
    expect(code).toBe(0);
    expect((value as ImportOutcome[])[0]).toMatchObject({
      status: 'highlights',
      highlights: { highlightsOnly: 1 },
    });
    const nameless = await gloss('import', '-');
    expect(nameless.code).toBe(1);
    expect(JSON.stringify(nameless.value)).toContain('--name NAME');
  });
});

describe('gloss open', () => {
  it('resolves a link to a highlight, and says clearly when its target is gone', async () => {
    const article = await importSample();
    const made = (await gloss('highlight', article.id, '--quote', 'Bí thư Quận ủy')).value as Annotation;
    const link = `gloss://article/${article.id}?h=${made.id}`;
    const opened = await gloss('open', link);
    expect(opened.value).toMatchObject({
      kind: 'highlight',
      title: article.title,
      quote: 'Bí thư Quận ủy',
      route: `#/article/${article.id}?h=${made.id}`,
    });
    await gloss('rm', article.id);
    const gone = await gloss('open', link);
    expect([gone.code, gone.stderr]).toEqual([1, expect.stringContaining('no longer in the library')]);
    const bad = await gloss('open', 'gloss://nowhere');
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('is not a Gloss link')]);
  });
});

describe('gloss highlight, annotations, note, tag under LANG=vi_VN.UTF-8', () => {
  const env = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  afterEach(() => {
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** Runs `gloss --library DIR ARGS…` for a person (no --json); resolves to what it printed. */
  async function said(...args: string[]): Promise<string> {
    log.mockClear();
    expect(await main(['--library', path.join(dir, 'library'), ...args], '')).toBe(0);
    return log.mock.calls.map((c: unknown[]) => String(c[0])).join('\n');
  }

  it('words what it did in Vietnamese, the quotes, ids and tags as they are', async () => {
    const article = await importSample();
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = 'vi_VN.UTF-8';
    expect(await said('annotations', article.id)).toBe('Bài này chưa có đánh dấu nào.');
    const made = await said('highlight', article.id, '--quote', 'Bí thư Quận ủy Sơn Trà');
    expect(made).toMatch(/^Đã đánh dấu trong “.+”: \S+ {2}yellow {2}“Bí thư Quận ủy Sơn Trà”$/);
    const id = made.split(': ')[1]!.split(' ')[0]!;
    expect(await said('note', id, '--text', 'Ghi chú')).toMatch(/^Đã lưu ghi chú: .*ghi chú: Ghi chú$/);
    expect(await said('tag', id, '--add', 'rừng')).toMatch(/^Thẻ: rừng {2}.*#rừng {2}ghi chú: Ghi chú$/);
    expect(await said('note', article.id, '--text', 'Bài hay')).toBe(
      `Đã lưu ghi chú của “${article.title}”.`,
    );
    expect(await said('annotations', article.id)).not.toMatch(/note:|highlights/);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlossError } from '../../../../shared/result';
import { translator } from '../../../../shared/i18n';
import type { SearchResults } from '../../../../shared/model/search';
import { createDispatch } from '../../../dispatch';
import type { Handlers } from '../../../services/handlers';
import type { Services } from '../../../services';
import { SON_TRA_TEXT } from '../../../services/search/fixtures/son-tra';
import { searchHandlers } from '../../../services/search/handlers';
import { SearchService } from '../../../services/search/search-service';
import { ChangeFeed } from '../../../services/store/change-feed';
import type { CommandContext } from '../command';
import { formatResults, search } from './search';

const RESULTS: SearchResults = {
  total: 3,
  tookMs: 4.2,
  groups: [
    {
      article: { id: 'a', title: 'Đoàn khảo sát làm việc với Q. Sơn Trà', author: 'Lê Anh Tuấn' },
      hitCount: 3,
      hits: [
        {
          kind: 'text',
          score: 2,
          snippet: { text: '…Sơn Trà (TP Đà Nẵng).', marks: [{ start: 13, end: 20 }] },
        },
        {
          kind: 'note',
          score: 1,
          color: 'yellow',
          annotationId: 'h',
          snippet: { text: 'Đà Nẵng, nơi đáng sống', marks: [{ start: 0, end: 7 }] },
        },
      ],
    },
  ],
};

describe('formatResults', () => {
  it('prints each article with its hits, the matches between « »', () => {
    expect(formatResults('Da Nang', RESULTS)).toBe(
      [
        'Đoàn khảo sát làm việc với Q. Sơn Trà — Lê Anh Tuấn  (3 hits)',
        '  text           …Sơn Trà (TP «Đà Nẵng»).',
        '  note (yellow)  «Đà Nẵng», nơi đáng sống',
        '  … 1 more',
        '',
        '3 hits in all; 1 article shown (4 ms)',
      ].join('\n'),
    );
    expect(formatResults('xyz', { total: 0, groups: [], tookMs: 1 })).toBe('No matches for xyz.');
  });
});

describe('gloss search', () => {
  let library: string | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    if (library) await rm(library, { recursive: true, force: true });
  });

  async function context(args: string[], options: CommandContext['options'] = {}): Promise<CommandContext> {
    library = await mkdtemp(path.join(os.tmpdir(), 'gloss-cli-search-'));
    const meta = {
      id: 'a',
      title: 'Đoàn khảo sát',
      author: null,
      tags: [],
      contentHash: 'h',
      updatedAt: 'u',
      highlightCount: 0,
      deleted: false,
    } as unknown as import('../../../../shared/model/article').ArticleMeta;
    const service = await SearchService.open(library, {
      listArticles: () => [meta],
      readContent: async () => ({ text: SON_TRA_TEXT, blocks: [] }),
      listAnnotations: async () => [],
      readCachedText: (_id, _hash, start, end) => SON_TRA_TEXT.slice(start, end),
    });
    const handlers = searchHandlers(service) as Handlers;
    const services: Services = {
      handlers,
      dispatch: createDispatch(handlers),
      exportFiles: () => Promise.reject(new Error('search does not export')),
      vault: () => Promise.reject(new Error('search keeps no export folder')),
      bookImage: async () => null,
      changes: new ChangeFeed(),
      flush: async () => {},
      stop: async () => {},
    };
    return { services, rendererDir: '', json: options.json === true, args, options };
  }

  it('joins its arguments into one query and prints the grouped results', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await search.run(await context(['Da', 'Nang']));
    expect(log.mock.calls[0]?.[0]).toContain('«Đà Nẵng»');
    await search.run(await context(['Da', 'Nang'], { json: true }));
    const json = JSON.parse(String(log.mock.calls[1]?.[0])) as SearchResults;
    expect(json.groups[0]?.article.title).toBe('Đoàn khảo sát');
  });

  it('refuses an empty query, a bad limit and a bad filter with a message saying why', async () => {
    await expect(search.run(await context(['  ']))).rejects.toThrow(/Say what to search for/);
    await expect(search.run(await context(['x'], { limit: '0' }))).rejects.toThrow(/--limit must be/);
    const error = await search.run(await context(['color:pink'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlossError);
    expect((error as GlossError).message).toContain('color:pink is not known');
  });
});

describe('formatResults in Vietnamese', () => {
  it('words the summary in the language given, numbers grouped the Vietnamese way', () => {
    const results = { query: 'dang', total: 22985, groups: [], tookMs: 4 } as unknown as SearchResults;
    expect(formatResults('dang', results, translator('vi'))).toBe(
      'Tổng cộng 22.985 kết quả; hiện 0 bài (4 ms)',
    );
    expect(formatResults('dang', { ...results, total: 0 }, translator('vi'))).toBe('Không tìm thấy dang.');
  });
});

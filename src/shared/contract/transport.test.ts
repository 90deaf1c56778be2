import { describe, expect, it } from 'vitest';
import type { Result } from '../result';
import { methodNames, type MethodName } from './index';
import { createClient, ipcChannel, webApiPath } from './transport';

const info = { name: 'Gloss', version: '1.2.3', host: 'web', libraryPath: '/lib' };

describe('createClient', () => {
  it('offers exactly the contract methods, each sending its own name and parameters', async () => {
    const sent: [MethodName, unknown][] = [];
    const api = createClient(async (name, params) => {
      sent.push([name, params]);
      return { ok: true, value: info };
    });
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    await expect(api.getAppInfo({})).resolves.toEqual({ ok: true, value: info });
    await api.search({ query: 'Sơn Trà' });
    await (api.listArticles as (params?: object) => Promise<unknown>)();
    expect(sent).toEqual([
      ['getAppInfo', {}],
      ['search', { query: 'Sơn Trà' }],
      ['listArticles', {}],
    ]);
  });

  it('checks results against the contract when asked, and passes failures through unchanged', async () => {
    let answer: Result<unknown> = { ok: true, value: { ...info, libraryPath: 42 } };
    const send = async () => answer;
    const checked = createClient(send, { checkResults: true });
    const result = await checked.getAppInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toMatch(/getAppInfo[\s\S]*libraryPath/);
    await expect(createClient(send).getAppInfo({})).resolves.toEqual(answer);

    answer = { ok: false, error: { code: 'not-found', message: 'No such article.' } };
    await expect(checked.getArticle({ id: '7d0c2f1e-8a4b-4c3d-9e5f-1a2b3c4d5e6f' })).resolves.toEqual(answer);
    answer = { ok: true, value: undefined };
    await expect(
      checked.setArticleNote({ articleId: '7d0c2f1e-8a4b-4c3d-9e5f-1a2b3c4d5e6f', note: '' }),
    ).resolves.toEqual(answer);
  });
});

describe('transport names', () => {
  it('gives each method its own IPC channel and web path', () => {
    expect(ipcChannel('getArticle')).toBe('gloss:getArticle');
    expect(webApiPath('getArticle')).toBe('/api/getArticle');
    expect(new Set(methodNames.map(ipcChannel)).size).toBe(methodNames.length);
  });
});

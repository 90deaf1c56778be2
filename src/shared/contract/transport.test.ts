import { describe, expect, it } from 'vitest';
import type { Result } from '../result';
import { checkResult } from './check';
import { methodNames, type MethodName } from './index';
import { createClient, createClientProxy, ipcChannel, webApiPath } from './transport';

const info = { name: 'Gloss', version: '1.2.3', host: 'web', libraryPath: '/lib' };

describe.each([
  [
    'createClient',
    (send: Parameters<typeof createClientProxy>[0], check?: typeof checkResult) =>
      createClient(send, methodNames, { check }),
  ],
  [
    'createClientProxy',
    (send: Parameters<typeof createClientProxy>[0], check?: typeof checkResult) =>
      createClientProxy(send, { check }),
  ],
])('%s', (_name, make) => {
  it('sends each method by its own name with its parameters', async () => {
    const sent: [MethodName, unknown][] = [];
    const api = make(async (name, params) => {
      sent.push([name, params]);
      return { ok: true, value: info };
    });
    for (const name of methodNames) expect(typeof api[name]).toBe('function');
    await expect(api.getAppInfo({})).resolves.toEqual({ ok: true, value: info });
    await api.search({ query: 'Sơn Trà' });
    await (api.listArticles as (params?: object) => Promise<unknown>)();
    expect(sent).toEqual([
      ['getAppInfo', {}],
      ['search', { query: 'Sơn Trà' }],
      ['listArticles', {}],
    ]);
  });

  it('checks results when given a check, and passes failures through unchanged', async () => {
    let answer: Result<unknown> = { ok: true, value: { ...info, libraryPath: 42 } };
    const send = async () => answer;
    const checked = make(send, checkResult);
    const result = await checked.getAppInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toMatch(/getAppInfo[\s\S]*libraryPath/);
    await expect(make(send).getAppInfo({})).resolves.toEqual(answer);

    answer = { ok: false, error: { code: 'not-found', message: 'No such article.' } };
    await expect(checked.getArticle({ id: '7d0c2f1e-8a4b-4c3d-9e5f-1a2b3c4d5e6f' })).resolves.toEqual(answer);
    answer = { ok: true, value: undefined };
    await expect(
      checked.setArticleNote({ articleId: '7d0c2f1e-8a4b-4c3d-9e5f-1a2b3c4d5e6f', note: '' }),
    ).resolves.toEqual(answer);
  });
});

describe('createClient', () => {
  it('is a plain object of exactly the names given, so it can cross the context bridge', () => {
    const api = createClient(async () => ({ ok: true, value: null }), methodNames);
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
  });
});

describe('createClientProxy', () => {
  it('is never taken for a promise, and keeps one function per method', async () => {
    const api = createClientProxy(async () => ({ ok: true, value: null }));
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
    await expect(Promise.resolve(api)).resolves.toBe(api);
    expect(api.getAppInfo).toBe(api.getAppInfo);
  });
});

describe('transport names', () => {
  it('gives each method its own IPC channel and web path', () => {
    expect(ipcChannel('getArticle')).toBe('gloss:getArticle');
    expect(webApiPath('getArticle')).toBe('/api/getArticle');
    expect(new Set(methodNames.map(ipcChannel)).size).toBe(methodNames.length);
  });
});

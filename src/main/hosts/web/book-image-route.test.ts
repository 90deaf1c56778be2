import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../dispatch';
import type { Handlers } from '../../services/handlers';
import { startWebHost, type WebHost } from './web-host';

const ID = '6f1c2b1e-9a55-4d7e-8c3b-2f0d5a7e9b10';
const NAME = `${'ab'.repeat(32)}.png`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

describe('book images on the web host', () => {
  let host: WebHost;
  const asked: string[] = [];
  beforeEach(async () => {
    host = await startWebHost({
      dispatch: createDispatch({} as Handlers),
      rendererDir: mkdtempSync(path.join(os.tmpdir(), 'gloss-renderer-')),
      bookImage: async (articleId, name) => {
        asked.push(`${articleId}/${name}`);
        return articleId === ID && name === NAME ? { bytes: PNG, type: 'image/png' } : null;
      },
    });
  });
  afterEach(() => host.close());

  const get = (url: string) => fetch(`${host.origin}${url}`);

  it('serves an image by article id and hash with the launch token, as its own type', async () => {
    const response = await get(`/book-image/${ID}/${NAME}?token=${host.token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a request without the token, and never passes on anything but an id and a hash', async () => {
    asked.length = 0;
    expect((await get(`/book-image/${ID}/${NAME}`)).status).toBe(401);
    expect((await get(`/book-image/${ID}/${NAME}?token=wrong`)).status).toBe(401);
    for (const bad of [
      `/book-image/${ID}/..%2F..%2Flibrary.json`,
      `/book-image/${ID}/${NAME.replace('.png', '.svg')}`,
      `/book-image/../${ID}/${NAME}`,
      `/book-image/${ID.toUpperCase()}/${NAME}`,
    ])
      expect((await get(`${bad}?token=${host.token}`)).status).toBe(404);
    expect((await get(`/book-image/${ID}/${'cd'.repeat(32)}.png?token=${host.token}`)).status).toBe(404);
    expect(asked).toEqual([`${ID}/${'cd'.repeat(32)}.png`]);
  });
});

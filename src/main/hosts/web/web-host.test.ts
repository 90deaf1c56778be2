import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../dispatch';
import type { Handlers } from '../../services/handlers';
import { startWebHost, type WebHost } from './web-host';

const handlers = {
  getAppInfo: () => ({ name: 'Gloss', version: '0.0.0', host: 'web', libraryPath: '/lib' }),
} as unknown as Handlers;

/** A raw request, so Host and Origin can be set as an attacker would. */
function request(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const apiCall = (host: WebHost, headers: Record<string, string> = {}) =>
  request(host, {
    method: 'POST',
    path: '/api/getAppInfo',
    headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token, ...headers },
    body: '{}',
  });

describe('web host', () => {
  let host: WebHost;
  beforeEach(async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'gloss-renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
    host = await startWebHost({ dispatch: createDispatch(handlers), rendererDir });
  });
  afterEach(() => host.close());

  it('answers an API call that carries the token, with the CSP header', async () => {
    const res = await apiCall(host);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Gloss' } });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('refuses an API call with a missing or wrong token with 401', async () => {
    expect((await apiCall(host, { 'X-Gloss-Token': 'guess' })).status).toBe(401);
    const noToken = await request(host, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    // A token in a cookie or in the query string is no credential.
    const cookieOnly = await request(host, {
      method: 'POST',
      path: `/api/getAppInfo?token=${host.token}`,
      headers: { 'Content-Type': 'application/json', Cookie: `gloss-${host.port}=${host.token}` },
      body: '{}',
    });
    expect(cookieOnly.status).toBe(401);
  });

  it('serves the page without the token and never sets a cookie, so no other local server receives it', async () => {
    expect(new URL(host.url).hash).toBe(`#token=${host.token}`);
    expect(new URL(host.url).search).toBe('');
    for (const pagePath of ['/', '/index.html']) {
      const page = await request(host, { path: pagePath });
      expect(page.status).toBe(200);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.body).not.toContain(host.token);
    }
    expect((await apiCall(host)).headers['set-cookie']).toBeUndefined();
  });

  it('answers a method name with a bad %-escape with 400 and JSON, not an internal error', async () => {
    const res = await request(host, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(res.body).not.toMatch(/URIError|Internal/);
  });

  it('refuses a foreign Origin with 403 even with the right token', async () => {
    const res = await apiCall(host, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await apiCall(host, { Origin: host.origin })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    expect((await apiCall(host, { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await apiCall(host, { Host: '127.0.0.1:1' })).status).toBe(403);
  });

  it('validates JSON bodies like any other host', async () => {
    const bad = await request(host, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
      body: '{"unexpected": 1}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const unknown = await request(host, {
      method: 'POST',
      path: '/api/rmrf',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const notJson = await request(host, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await request(host, { path: '/../../../../etc/passwd' });
    expect(res.status).toBe(404);
    expect((await request(host, { path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
    expect((await request(host, { path: '/%E0%A4%A' })).status).toBe(404);
  });
});

describe('web host body limit', () => {
  let host: WebHost;
  beforeEach(async () => {
    host = await startWebHost({
      dispatch: createDispatch(handlers),
      rendererDir: os.tmpdir(),
      maxBodyBytes: 1024,
    });
  });
  afterEach(() => host.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    request(host, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token, ...headers },
      body,
    });

  it('answers a body over the limit with a JSON 413, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(200_000) });
    for (const res of [await post(big), await post(big, { 'Transfer-Encoding': 'chunked' })]) {
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    }
    // The host still answers afterwards.
    expect((await post('{}')).status).toBe(200);
  });
});

describe('web host binding', () => {
  it('refuses to listen on a non-loopback address', async () => {
    for (const bind of ['0.0.0.0', '::', '192.168.1.10']) {
      await expect(
        startWebHost({ dispatch: createDispatch(handlers), rendererDir: os.tmpdir(), host: bind }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

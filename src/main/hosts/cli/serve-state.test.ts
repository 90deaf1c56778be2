import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastServed, rememberServed, serveStateFile } from './serve-state';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-serve-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('serve state', () => {
  it('remembers the port and token per library, readable by this user only', async () => {
    const token = 'a'.repeat(32);
    await rememberServed(dir, '/lib/a', { port: 41234, token });
    await rememberServed(dir, '/lib/b', { port: 41235, token });
    expect(await lastServed(dir, '/lib/a')).toEqual({ port: 41234, token });
    expect(await lastServed(dir, '/lib/b')).toEqual({ port: 41235, token });
    expect(await lastServed(dir, '/lib/c')).toBeNull();
    if (process.platform !== 'win32') expect((await stat(serveStateFile(dir))).mode & 0o777).toBe(0o600);
  });

  it('treats a damaged file as nothing remembered, and replaces it', async () => {
    await writeFile(serveStateFile(dir), '{ not json');
    expect(await lastServed(dir, '/lib/a')).toBeNull();
    await rememberServed(dir, '/lib/a', { port: 40000, token: 'b'.repeat(32) });
    expect(await lastServed(dir, '/lib/a')).toMatchObject({ port: 40000 });
  });
});

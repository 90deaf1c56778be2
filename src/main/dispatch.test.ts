import { describe, expect, it } from 'vitest';
import { GlossError } from '../shared/result';
import { createDispatch } from './dispatch';
import type { Handlers } from './services/handlers';

const info = { name: 'Gloss', version: '1.2.3', host: 'cli' as const, libraryPath: '/lib' };

function dispatchWith(overrides: Partial<Handlers> = {}) {
  const handlers = { getAppInfo: () => info, ...overrides } as Handlers;
  return createDispatch(handlers);
}

describe('createDispatch', () => {
  it('calls the named handler and wraps its value', async () => {
    await expect(dispatchWith()('getAppInfo', {})).resolves.toEqual({ ok: true, value: info });
  });

  it('in tests and development, refuses a result that breaks the contract, naming the method and field', async () => {
    const wrong = { ...info, host: 'telnet' };
    const result = await dispatchWith({ getAppInfo: () => wrong as never })('getAppInfo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toMatch(/getAppInfo[\s\S]*host/);
    const unchecked = createDispatch({ getAppInfo: () => wrong } as never, { checkResults: false });
    await expect(unchecked('getAppInfo', {})).resolves.toEqual({ ok: true, value: wrong });
  });

  it('rejects an unknown method, including prototype names, without calling anything', async () => {
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      const result = await dispatchWith()(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('rejects arguments that do not match the schema with a message naming the method', async () => {
    const result = await dispatchWith()('getAppInfo', { extra: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toContain('getAppInfo');
      expect(result.error.message).toContain('extra');
    }
    await expect(dispatchWith()('getAppInfo', 'not an object')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('turns a thrown GlossError into an error value with its code', async () => {
    const dispatch = dispatchWith({
      getAppInfo: () => {
        throw new GlossError('locked', 'Another Gloss has this library open.');
      },
    });
    await expect(dispatch('getAppInfo', {})).resolves.toEqual({
      ok: false,
      error: { code: 'locked', message: 'Another Gloss has this library open.' },
    });
  });

  it('reports an unexpected exception as an internal error instead of rejecting', async () => {
    const dispatch = dispatchWith({
      getAppInfo: () => {
        throw new TypeError('boom');
      },
    });
    await expect(dispatch('getAppInfo', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') },
    });
  });
});

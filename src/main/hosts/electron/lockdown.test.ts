import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { lockDown, lockDownContents, type LockDownTargets } from './lockdown';

type OpenHandler = (details: { url: string }) => { action: string };

/** A web contents that records its listeners and window-open handler, as Electron would call them. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | undefined;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emits `name` with a cancellable event; true when a listener cancelled it. */
  attempt(name: string, url: string): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }
}

function contentsUnderLock(): { contents: FakeContents; opened: string[] } {
  const contents = new FakeContents();
  const opened: string[] = [];
  lockDownContents(contents as unknown as Parameters<typeof lockDownContents>[0], async (url) => {
    opened.push(url);
  });
  return { contents, opened };
}

describe('lockDownContents', () => {
  it('cancels every navigation, redirect and <webview>, wherever it points', () => {
    const { contents } = contentsUnderLock();
    for (const url of [
      'https://example.com/',
      'app://gloss/index.html',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(contents.attempt('will-navigate', url), url).toBe(true);
      expect(contents.attempt('will-redirect', url), url).toBe(true);
    }
    expect(contents.attempt('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('denies every new window and sends only http(s) links to the system browser', () => {
    const { contents, opened } = contentsUnderLock();
    const open = (url: string) => contents.openHandler!({ url });
    for (const url of [
      'https://vnexpress.net/bai-viet',
      'http://example.com/a b',
      'javascript:window.__pwned=1',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'app://gloss/index.html',
      'https://bank.example@evil.example/',
      'smb://server/share',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://vnexpress.net/bai-viet', 'http://example.com/a%20b']);
  });
});

describe('lockDown', () => {
  function lockedDown() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
    };
    const app = new EventEmitter();
    const opened: string[] = [];
    lockDown({
      app,
      session,
      openExternal: async (url: string) => void opened.push(url),
    } as unknown as LockDownTargets);
    return { handlers, app, opened };
  }

  it('answers every other permission request with no', () => {
    const { handlers } = lockedDown();
    const request = handlers.request as unknown as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of [
      'notifications',
      'geolocation',
      'media',
      'clipboard-read',
      'openExternal',
      'midi',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('lets a page write to the clipboard (Copy notes), and nothing more', () => {
    const { handlers } = lockedDown();
    const request = handlers.request as unknown as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
    ) => void;
    const check = handlers.check as unknown as (c: unknown, p: string) => boolean;
    const callback = vi.fn();
    request({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(check(null, 'clipboard-sanitized-write')).toBe(true);
    expect(check(null, 'clipboard-read')).toBe(false);
  });

  it('answers every other permission check and device check with no', () => {
    const { handlers } = lockedDown();
    const check = handlers.check as unknown as (c: unknown, p: string) => boolean;
    const device = handlers.device as unknown as (d: unknown) => boolean;
    for (const permission of ['notifications', 'geolocation', 'media', 'hid', 'serial', 'usb']) {
      expect(check(null, permission), permission).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://gloss' })).toBe(false);
  });

  it('locks down each web contents as soon as it is created', () => {
    const { app, opened } = lockedDown();
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalUrl, isAppUrl, resolveAppFile, WINDOW_WEB_PREFERENCES } from './policy';

describe('window web preferences', () => {
  it('box the renderer: isolated, sandboxed, no Node, web security on', () => {
    expect(WINDOW_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('carry no preload, extra arguments or blink features that would widen the box', () => {
    const keys = Object.keys(WINDOW_WEB_PREFERENCES);
    for (const risky of ['preload', 'additionalArguments', 'enableBlinkFeatures', 'partition', 'session']) {
      expect(keys).not.toContain(risky);
    }
    expect(Object.isFrozen(WINDOW_WEB_PREFERENCES)).toBe(true);
  });
});

describe('isAppUrl', () => {
  it('accepts pages of app://gloss only', () => {
    expect(isAppUrl('app://gloss/index.html')).toBe(true);
    expect(isAppUrl('app://gloss/')).toBe(true);
  });

  it('refuses look-alike hosts, other schemes, credentials and garbage', () => {
    for (const url of [
      'app://gloss.evil/index.html',
      'app://glossy/index.html',
      'app://gloss@evil/index.html',
      'app://evil/gloss/index.html',
      'app://gloss:8080/index.html',
      'file:///app/gloss/index.html',
      'http://gloss/index.html',
      'https://127.0.0.1/',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('externalUrl', () => {
  it('lets http(s) links out, normalised', () => {
    expect(externalUrl('https://vnexpress.net/a?b=1#c')).toBe('https://vnexpress.net/a?b=1#c');
    expect(externalUrl('HTTP://Example.COM/path')).toBe('http://example.com/path');
    expect(externalUrl('  https://example.com/x  ')).toBe('https://example.com/x');
  });

  it('keeps every other scheme in the app', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:window.__pwned=1',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'app://gloss/index.html',
      'vbscript:msgbox(1)',
      'ftp://example.com/file',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:someone@example.com',
      'blob:https://example.com/uuid',
      '//example.com/no-scheme',
      '/relative/path',
      '',
    ]) {
      expect(externalUrl(url), url).toBeNull();
    }
  });

  it('refuses addresses with a user name or password, a favourite disguise', () => {
    expect(externalUrl('https://bank.example@evil.example/')).toBeNull();
    expect(externalUrl('https://user:secret@example.com/')).toBeNull();
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/gloss/renderer');

  it('maps app://gloss/ paths into the renderer folder, / to index.html', () => {
    expect(resolveAppFile(root, 'app://gloss/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://gloss/assets/index-1.js')).toBe(
      path.join(root, 'assets', 'index-1.js'),
    );
    expect(resolveAppFile(root, 'app://gloss/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('never answers with a file outside the folder, encoded or not', () => {
    // The URL parser folds dot segments (plain or %2e) itself: these stay inside.
    expect(resolveAppFile(root, 'app://gloss/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppFile(root, 'app://gloss/%2e%2e/%2e%2e/etc/passwd')).toBe(
      path.join(root, 'etc', 'passwd'),
    );
    // An encoded slash survives the parser and only becomes a separator once decoded.
    expect(resolveAppFile(root, 'app://gloss/assets/..%2f..%2f..%2fetc/passwd')).toBeNull();
    const backslashes = resolveAppFile(root, 'app://gloss/..%5c..%5cwindows%5cwin.ini');
    // A backslash is a separator on Windows only; elsewhere it is part of a file name inside the folder.
    if (path.sep === '\\') expect(backslashes).toBeNull();
    else expect(backslashes).toBe(path.join(root, '..\\..\\windows\\win.ini'));
  });

  it('refuses NUL bytes, undecodable paths and other hosts', () => {
    expect(resolveAppFile(root, 'app://gloss/index.html%00.png')).toBeNull();
    expect(resolveAppFile(root, 'app://gloss/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/gloss/renderer/index.html')).toBeNull();
  });
});

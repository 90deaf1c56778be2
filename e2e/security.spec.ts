import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { methodNames } from '../src/shared/contract';
import { expect, test, type Gloss } from './fixtures';
import { importThroughUi } from './helpers';

const HOSTILE = path.resolve(import.meta.dirname, 'fixtures/hostile');

/** Hostile files, the title the library lists each under, and words that must still be readable. */
const HOSTILE_FILES = [
  {
    file: 'scripts-and-handlers.html',
    title: 'Hostile scripts and handlers',
    words: ['cobalt', 'juniper', 'quartz', 'saffron', 'Bài viết này vẫn đọc được dù có mã độc.'],
  },
  {
    file: 'embedded-content.html',
    title: 'Hostile embedded content',
    words: ['basalt', 'obsidian', 'a file link', 'Đá bọt nổi trên mặt nước.'],
  },
  {
    file: 'remote-css.html',
    title: 'Hostile remote styles',
    words: ['granite', 'marble', 'Đá phiến tách thành lớp mỏng.'],
  },
  {
    file: 'raw-html.md',
    title: 'Hostile Markdown with raw HTML',
    words: ['limestone', 'chalk', 'An anchor written in HTML', 'Đá sa thạch có nhiều màu.'],
  },
];

/** A note written in Markdown that carries raw HTML, each piece trying to run or load something. */
const HOSTILE_NOTE = [
  'A note about **granite** that stays plain text.',
  '<script>window.__pwned = "note script"</script>',
  '<img src="x" onerror="window.__pwned = \'note img\'">',
  '<img src="https://evil.example/note.png">',
  '<iframe srcdoc="<script>parent.__pwned = \'note iframe\'</script>"></iframe>',
  '<svg onload="window.__pwned = \'note svg\'"><script>window.__pwned = "note svg script"</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = \'note mxss\'"></style></mglyph></table></mtext></math>',
  '<a href="javascript:window.__pwned = \'note anchor\'">note anchor</a> and [note link](javascript:alert(1))',
  '<style>@import "https://evil.example/note.css";</style>',
  '<div style="background: url(https://evil.example/note-bg.png)">styled words</div>',
  '<form action="https://evil.example/steal"><button>send</button></form>',
].join('\n\n');

/**
 * Records every request the page makes, and aborts (and records) any that
 * is not for the app's own origin: nothing may leave, not even to another
 * loopback port. data: and blob: URLs stay in the page.
 */
async function watchRequests(page: Page): Promise<string[]> {
  const app = new URL(page.url());
  const isOwn = (url: string) => {
    const u = new URL(url);
    return (
      (u.protocol === app.protocol && u.host === app.host) || u.protocol === 'data:' || u.protocol === 'blob:'
    );
  };
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!isOwn(request.url())) foreign.push(request.url());
  });
  await page.route('**/*', (route) => (isOwn(route.request().url()) ? route.continue() : route.abort()));
  return foreign;
}

/** The page-level canary every payload tries to set. */
function canary(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

/** Lets timers, refreshes and load events that a payload may have scheduled run their course. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
}

/** Reloads the app as a person would. */
async function reopen(gloss: Gloss): Promise<void> {
  await gloss.page.reload();
}

/** Calls the API from inside the page, through the bridge in Electron or the token-carrying HTTP API. */
async function callApi<T>(page: Page, method: string, params: Record<string, unknown>): Promise<T> {
  const result = await page.evaluate(
    async ({ method, params }) => {
      const bridge = (window as unknown as { gloss?: Record<string, (p: unknown) => Promise<unknown>> })
        .gloss;
      if (bridge) return bridge[method]!(params);
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Gloss-Token': sessionStorage.getItem('gloss.token') ?? '',
        },
        body: JSON.stringify(params),
      });
      return response.json();
    },
    { method, params },
  );
  const outcome = result as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.message}`);
  return outcome.value;
}

/**
 * Everything under `root` that could run or load something: active or
 * embedding elements, event handler, style and URL-loading attributes, and
 * links that are not http(s) or a #fragment.
 */
function activeContent(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const forbiddenTags = new Set(
      'script iframe frame frameset object embed applet svg math img picture source video audio track canvas form input button textarea select style link meta base template noscript portal'.split(
        ' ',
      ),
    );
    const loadingAttributes = new Set([
      'src',
      'srcset',
      'srcdoc',
      'background',
      'poster',
      'data',
      'action',
      'formaction',
      'xlink:href',
      'ping',
      'style',
    ]);
    const found: string[] = [];
    for (const el of Array.from(element.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (forbiddenTags.has(tag)) found.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || loadingAttributes.has(name)) found.push(`<${tag} ${name}>`);
        if (name === 'href' && !/^(?:https?:\/\/|#)/i.test(attr.value))
          found.push(`<${tag} href="${attr.value}">`);
      }
    }
    return found;
  });
}

/** Hovers, clicks and tabs through the element, so handlers that survived would fire. */
async function provoke(page: Page, root: Locator): Promise<void> {
  const blocks = root.locator('p, div, li, td, span, summary');
  const count = Math.min(await blocks.count(), 30);
  for (let i = 0; i < count; i++) {
    const block = blocks.nth(i);
    if (!(await block.isVisible())) continue;
    await block.hover();
    await block.click({ position: { x: 1, y: 1 } });
  }
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
}

function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

test('the renderer has no Node and no generic IPC; only the contract crosses the bridge', async ({
  gloss,
}) => {
  const { page } = gloss;
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return Object.fromEntries(
      [
        'require',
        'process',
        'module',
        'exports',
        'Buffer',
        'global',
        'ipcRenderer',
        'electron',
        'ipc',
        'api',
        'bridge',
        'electronAPI',
      ].map((name) => [name, typeof w[name]]),
    );
  });
  for (const [name, type] of Object.entries(globals)) expect(type, name).toBe('undefined');

  // Any object on window that looks like a message channel (send/invoke/on...) is a generic door.
  const doors = await page.evaluate(() => {
    const verbs = ['send', 'sendSync', 'invoke', 'on', 'once', 'emit', 'addListener', 'sendTo', 'sendToHost'];
    const w = window as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(window).filter((name) => {
      if (name === 'gloss') return false;
      let value: unknown;
      try {
        value = w[name];
      } catch {
        return false;
      }
      if (typeof value !== 'object' || value === null || value === window) return false;
      return verbs.some((verb) => typeof (value as Record<string, unknown>)[verb] === 'function');
    });
  });
  expect(doors).toEqual([]);

  if (gloss.url) {
    expect(await page.evaluate(() => typeof (window as unknown as { gloss?: unknown }).gloss)).toBe(
      'undefined',
    );
  } else {
    const bridge = await page.evaluate(() => {
      const api = (window as unknown as { gloss: Record<string, unknown> }).gloss;
      return {
        names: Object.getOwnPropertyNames(api).sort(),
        allFunctions: Object.values(api).every((v) => typeof v === 'function'),
        frozen: Object.isFrozen(api),
      };
    });
    expect(bridge).toEqual({ names: [...methodNames].sort(), allFunctions: true, frozen: true });
  }
});

test('pages carry a strict CSP: no inline or eval script, no plugins, no <base>, no remote scripts', async ({
  gloss,
}) => {
  const { page } = gloss;
  const header = await page.evaluate(() =>
    fetch(location.href).then((r) => r.headers.get('content-security-policy')),
  );
  expect(header).toBeTruthy();
  const csp = parseCsp(header!);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'none'"]);
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
  for (const [directive, sources] of csp) {
    for (const source of sources) {
      expect(source, `${directive} ${source}`).toMatch(/^(?:'self'|'none'|data:|blob:)$/);
    }
  }
});

test('script that slips into the page cannot run or open anything; Electron also denies windows and navigation', async ({
  gloss,
}) => {
  const { page } = gloss;
  const foreign = await watchRequests(page);
  const before = page.url();
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));

  // Markup as if it had escaped the sanitizer; the CSP is the second line. (Form posts are refused by
  // form-action 'none', asserted on the header above; a blocked post leaves Playwright waiting on the
  // page, so none is clicked here.)
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = [
      '<a id="js-link" href="javascript:void (window.__pwned = \'javascript link\')">javascript link</a>',
      '<button id="opener" onclick="window.open(\'https://evil.example/popup\'); window.__pwned = \'onclick\'">open</button>',
      '<img src="x" onerror="window.__pwned = \'onerror\'">',
    ].join('');
    document.body.append(box);
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'injected script'";
    document.body.append(script);
  });
  await page.locator('#js-link').click();
  await page.locator('#opener').click();
  await settle(page);

  expect(await canary(page)).toBeUndefined();
  expect(page.url()).toBe(before);
  expect(popups).toEqual([]);

  if (!gloss.url) {
    // Electron also refuses what the page's own script asks for. (A plain browser running the web
    // host opens windows and follows navigation its page's script starts; there the guarantee is
    // that no article or note script runs.) http(s) would go to the system browser, so only
    // addresses that must go nowhere are tried.
    const opened = await page.evaluate(() =>
      ['about:blank', 'app://gloss/index.html', 'file:///etc/passwd', 'javascript:void 0'].map(
        (url) => window.open(url) === null,
      ),
    );
    expect(opened).toEqual([true, true, true, true]);
    await page.evaluate(() => {
      const meta = document.createElement('meta');
      meta.httpEquiv = 'refresh';
      meta.content = '0; url=file:///etc/passwd';
      document.head.append(meta);
      location.href = 'file:///etc/passwd';
    });
    await settle(page);
    expect(page.url()).toBe(before);
    expect(popups).toEqual([]);
  }
  expect(foreign).toEqual([]);
});

test('permission requests are denied, and the app never asks for any', async ({ gloss }) => {
  const { page } = gloss;
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __permissionCalls: string[] }).__permissionCalls = calls;
    const wrap = (owner: object | undefined, method: string, label: string) => {
      const target = owner as Record<string, unknown> | undefined;
      const original = target?.[method];
      if (!target || typeof original !== 'function') return;
      target[method] = function (this: unknown, ...args: unknown[]) {
        calls.push(label);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    };
    wrap(window.Notification, 'requestPermission', 'notifications');
    wrap(navigator.geolocation, 'getCurrentPosition', 'geolocation');
    wrap(navigator.geolocation, 'watchPosition', 'geolocation');
    wrap(navigator.mediaDevices, 'getUserMedia', 'media');
    wrap(navigator.mediaDevices, 'getDisplayMedia', 'display-capture');
    wrap(navigator.permissions, 'query', 'permissions.query');
    wrap(navigator.clipboard, 'read', 'clipboard-read');
    wrap(navigator.clipboard, 'readText', 'clipboard-read');
    wrap(navigator, 'requestMIDIAccess', 'midi');
    wrap(navigator.storage, 'persist', 'persistent-storage');
  });
  await reopen(gloss);

  // Use the app: import an article and read it.
  const hostile = HOSTILE_FILES[0]!;
  await importThroughUi(page, path.join(HOSTILE, hostile.file));
  await page.getByRole('button', { name: hostile.title, exact: true }).click();
  await expect(page.getByRole('article', { name: 'Article text' })).toContainText(hostile.words[0]!);
  expect(
    await page.evaluate(() => (window as unknown as { __permissionCalls: string[] }).__permissionCalls),
  ).toEqual([]);

  if (!gloss.url) {
    const outcomes = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
          { timeout: 5000 },
        ),
      ),
      query: (await navigator.permissions.query({ name: 'geolocation' })).state,
    }));
    expect(outcomes).toEqual({ notifications: 'denied', geolocation: 'denied', query: 'denied' });
  }
});

for (const hostile of HOSTILE_FILES) {
  test(`hostile ${hostile.file}: imported and read, nothing runs, nothing loads, the words remain`, async ({
    gloss,
  }) => {
    const { page } = gloss;
    const foreign = await watchRequests(page);
    const origin = new URL(page.url());

    await importThroughUi(page, path.join(HOSTILE, hostile.file));
    await page.getByRole('button', { name: hostile.title, exact: true }).click();
    const article = page.getByRole('article', { name: 'Article text' });
    for (const words of hostile.words) await expect(article).toContainText(words);

    await provoke(page, article);
    await settle(page);
    expect(await canary(page)).toBeUndefined();
    expect(await activeContent(article)).toEqual([]);
    expect(foreign).toEqual([]);
    const now = new URL(page.url());
    expect(`${now.protocol}//${now.host}`).toBe(`${origin.protocol}//${origin.host}`);
  });
}

test('the only link kept from a hostile article is its http(s) one', async ({ gloss }) => {
  const { page } = gloss;
  const hostile = HOSTILE_FILES.find((h) => h.file === 'remote-css.html')!;
  await importThroughUi(page, path.join(HOSTILE, hostile.file));
  await page.getByRole('button', { name: hostile.title, exact: true }).click();
  const links = page.getByRole('article', { name: 'Article text' }).getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://example.org/granite');
});

test('notes carrying raw HTML render as text: nothing runs, nothing loads', async ({ gloss }) => {
  const { page } = gloss;
  const foreign = await watchRequests(page);
  const hostile = HOSTILE_FILES.find((h) => h.file === 'remote-css.html')!;
  await importThroughUi(page, path.join(HOSTILE, hostile.file));
  await expect(page.getByRole('button', { name: hostile.title, exact: true })).toBeVisible();

  const articles = await callApi<{ id: string; title: string }[]>(page, 'listArticles', {});
  const articleId = articles.find((a) => a.title === hostile.title)!.id;
  const { text } = await callApi<{ text: string }>(page, 'getArticle', { id: articleId });
  const start = text.indexOf('granite');
  expect(start).toBeGreaterThanOrEqual(0);
  await callApi(page, 'createAnnotation', {
    articleId,
    start,
    end: start + 'granite'.length,
    color: 'yellow',
    note: HOSTILE_NOTE,
  });
  await callApi(page, 'setArticleNote', { articleId, note: HOSTILE_NOTE });

  await reopen(gloss);
  await page.getByRole('button', { name: hostile.title, exact: true }).click();
  await expect(page.getByRole('article', { name: 'Article text' })).toContainText('granite');
  const highlights = page.getByRole('list', { name: /Highlights/ });
  const articleNote = page.getByRole('region', { name: 'Article note' });
  for (const panel of [highlights, articleNote]) {
    await expect(panel).toContainText('A note about granite that stays plain text.');
    await expect(panel.locator('strong').first()).toHaveText('granite');
    await provoke(page, panel);
  }
  await settle(page);

  expect(await canary(page)).toBeUndefined();
  expect(await activeContent(highlights.locator('.note-rendered'))).toEqual([]);
  expect(await activeContent(articleNote.locator('.note-rendered'))).toEqual([]);
  expect(foreign).toEqual([]);
});

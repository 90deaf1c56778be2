import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleContent, ArticleMeta } from '../../../shared/model/article';
import { callApi, serveGloss, type ServingGloss } from '../../testing/gloss-child';
import { startServices } from '..';
import { LibraryStore } from '../store';
import { ARTICLE_TEXT, tempDir } from '../store/testing/fixtures';

const ROUNDS = 30;
const HIGHLIGHT_CLIENTS = 4;
const IMPORT_CLIENTS = 2;
const CONTENT_FILE = /^([0-9a-f-]{36})\.(json|utf16le)$/;

const running: ServingGloss[] = [];
afterEach(() => {
  for (const gloss of running.splice(0)) gloss.child.kill('SIGKILL');
});

/** Calls `call` with 0, 1, 2… until the server stops answering; returns what it acknowledged. */
async function untilKilled<T>(call: (n: number) => Promise<T>): Promise<T[]> {
  const acknowledged: T[] = [];
  for (let n = 0; ; n++) {
    try {
      acknowledged.push(await call(n));
    } catch {
      return acknowledged;
    }
  }
}

/** Every file under `dir`, as paths relative to `root`. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

describe('acknowledged imports and highlights survive kill -9', () => {
  // Each round mostly waits for gloss serve to start: about a second on an idle machine, far more on a busy one.
  it(`keeps every import and highlight acknowledged across ${ROUNDS} kills during imports, and leaves no debris`, async () => {
    const dir = tempDir();
    const first = await serveGloss(dir);
    running.push(first);
    const { article } = (await callApi(first.url, 'importFile', {
      name: 'son-tra.txt',
      data: Buffer.from(ARTICLE_TEXT).toString('base64'),
    })) as { article: ArticleMeta };
    first.child.kill('SIGKILL');
    await first.exited;

    const highlights: string[] = [];
    const imports: ArticleMeta[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const gloss = await serveGloss(dir);
      running.push(gloss);
      const creating = Array.from({ length: HIGHLIGHT_CLIENTS }, (_, client) =>
        untilKilled(async (n) => {
          const start = (client * 7 + n) % (ARTICLE_TEXT.length - 4);
          const params = { articleId: article.id, start, end: start + 3, color: 'yellow' };
          return ((await callApi(gloss.url, 'createAnnotation', params)) as Annotation).id;
        }),
      );
      let firstImported = (): void => undefined;
      const imported = new Promise<void>((resolve) => (firstImported = resolve));
      const importing = Array.from({ length: IMPORT_CLIENTS }, (_, client) =>
        untilKilled(async (n) => {
          const name = `bai-${round}-${client}-${n}.md`;
          const text = `# Bài ${round}.${client}.${n}\n\n${ARTICLE_TEXT}`;
          const params = { name, data: Buffer.from(text).toString('base64') };
          const { article: added } = (await callApi(gloss.url, 'importFile', params)) as {
            article: ArticleMeta;
          };
          firstImported();
          return added;
        }),
      );
      // The first import of a process loads the converters: the kill comes at a random moment after
      // it, while the next imports and the highlights are under way (or after 5 s if none came).
      await Promise.race([imported, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      gloss.child.kill('SIGKILL');
      await gloss.exited;
      for (const ids of await Promise.all(creating)) highlights.push(...ids);
      for (const articles of await Promise.all(importing)) imports.push(...articles);
    }

    // Each acknowledged import opens with its text, as a person finds it after the last kill: its cached
    // content, written just after the acknowledgement, is rebuilt from its copy if the kill came first.
    const unreadable: string[] = [];
    const services = await startServices({ libraryPath: dir, host: 'web', watch: false });
    try {
      for (const imported of imports) {
        const opened = await services.dispatch('getArticle', { id: imported.id });
        const text = opened.ok ? (opened.value as ArticleContent).text : '';
        if (!text.endsWith(ARTICLE_TEXT)) unreadable.push(imported.id);
      }
    } finally {
      await services.stop();
    }

    const store = await LibraryStore.open(dir);
    try {
      const articles = new Map(store.listArticles().map((a) => [a.id, a]));
      const lost = imports.filter((a) => articles.get(a.id)?.sourceFile !== a.sourceFile);
      const stored = new Set((await store.listAnnotations(article.id)).map((a) => a.id));
      const missing = highlights.filter((id) => !stored.has(id));
      expect(imports.length).toBeGreaterThan(ROUNDS / 2);
      expect(highlights.length).toBeGreaterThan(ROUNDS);
      expect({ lost, unreadable, missing }).toEqual({ lost: [], unreadable: [], missing: [] });

      // Opening swept what the kills left: outside the orphaned-copies folders (the library's, and the one
      // in this computer's cache folder) no temporary file, no copy and no cached text no article refers to.
      const sources = new Set([...articles.values()].map((a) => a.sourceFile));
      const inLibrary = filesUnder(dir).filter((file) => {
        if (file.startsWith(path.join('.gloss', 'orphaned-copies'))) return false;
        if (file.endsWith('.tmp')) return true;
        return file.startsWith(`articles${path.sep}`) && !sources.has(file.split(path.sep).join('/'));
      });
      const inCache = filesUnder(store.cacheDir).filter((file) => {
        if (file.startsWith('orphaned-copies')) return false;
        if (file.endsWith('.tmp')) return true;
        const content = CONTENT_FILE.exec(path.basename(file));
        return file.startsWith(`content${path.sep}`) && !!content && !articles.has(content[1] ?? '');
      });
      const debris = [...inLibrary, ...inCache];
      expect(debris).toEqual([]);
    } finally {
      await store.close();
    }
  }, 900_000);
});

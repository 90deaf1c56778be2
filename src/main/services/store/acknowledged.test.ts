import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import { callApi, serveGloss, type ServingGloss } from '../../testing/gloss-child';
import { LibraryStore } from './library-store';
import { ARTICLE_TEXT, tempDir } from './testing/fixtures';

const ROUNDS = 30;
const CLIENTS = 4;

const running: ServingGloss[] = [];
afterEach(() => {
  for (const gloss of running.splice(0)) gloss.child.kill('SIGKILL');
});

/** Creates highlights one after another until the server stops answering; returns the ids acknowledged. */
async function createUntilKilled(url: string, articleId: string, client: number): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let n = 0; ; n++) {
    const start = (client * 7 + n) % (ARTICLE_TEXT.length - 4);
    try {
      const created = (await callApi(url, 'createAnnotation', {
        articleId,
        start,
        end: start + 3,
        color: 'yellow',
      })) as Annotation;
      acknowledged.push(created.id);
    } catch {
      return acknowledged;
    }
  }
}

describe('an acknowledged highlight survives kill -9', () => {
  // Each round mostly waits for gloss serve to start: about a second on an idle machine, far more on a busy one.
  it(`keeps every create acknowledged by gloss serve across ${ROUNDS} kills at random moments`, async () => {
    const dir = tempDir();
    const first = await serveGloss(dir);
    running.push(first);
    const { article } = (await callApi(first.url, 'importFile', {
      name: 'son-tra.txt',
      data: Buffer.from(ARTICLE_TEXT).toString('base64'),
    })) as { article: ArticleMeta };
    first.child.kill('SIGKILL');
    await first.exited;

    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const gloss = await serveGloss(dir);
      running.push(gloss);
      const clients = Array.from({ length: CLIENTS }, (_, client) =>
        createUntilKilled(gloss.url, article.id, client),
      );
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
      gloss.child.kill('SIGKILL');
      await gloss.exited;
      for (const ids of await Promise.all(clients)) acknowledged.push(...ids);
    }

    const store = await LibraryStore.open(dir);
    try {
      const stored = new Set((await store.listAnnotations(article.id)).map((a) => a.id));
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(acknowledged.length).toBeGreaterThan(ROUNDS);
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  }, 600_000);
});

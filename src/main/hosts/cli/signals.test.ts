import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta } from '../../../shared/model/article';
import { LibraryStore } from '../../services/store';
import { tempDir } from '../../services/store/testing/fixtures';
import { callApi, serveGloss, type ServingGloss } from '../../testing/gloss-child';

const TEXT = 'Sơn Trà là bán đảo nằm ở phía đông bắc thành phố Đà Nẵng.\n';

const running: ServingGloss[] = [];
afterEach(() => {
  for (const gloss of running.splice(0)) gloss.child.kill('SIGKILL');
});

describe('gloss serve stopped by a signal', () => {
  it.each(['SIGHUP', 'SIGTERM', 'SIGINT'] as const)(
    'keeps a highlight acknowledged just before %s, and exits cleanly',
    async (signal) => {
      const dir = tempDir();
      const gloss = await serveGloss(dir);
      running.push(gloss);
      const imported = (await callApi(gloss.url, 'importFile', {
        name: 'son-tra.txt',
        data: Buffer.from(TEXT).toString('base64'),
      })) as { article: ArticleMeta };
      const highlight = (await callApi(gloss.url, 'createAnnotation', {
        articleId: imported.article.id,
        start: 0,
        end: 7,
        color: 'yellow',
        note: 'vừa ghi',
      })) as Annotation;
      gloss.child.kill(signal);

      expect(await gloss.exited).toEqual({ code: 0, signal: null });
      const store = await LibraryStore.open(dir);
      try {
        expect((await store.listAnnotations(imported.article.id)).map((a) => [a.id, a.note])).toEqual([
          [highlight.id, 'vừa ghi'],
        ]);
      } finally {
        await store.close();
      }
    },
    60_000,
  );
});

import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import type { ImportOutcome } from '../../shared/model/article';
import { startServices } from '.';
import { LibraryStore } from './store';
import { tempDir } from './store/testing/fixtures';
import { cacheOf } from './store/testing/own-folder';

const TEXT = 'Sơn Trà là bán đảo nằm ở phía đông bắc thành phố Đà Nẵng.\n';

describe('stopping the services', () => {
  it('saves the library and lets it go even when saving the search index fails', async () => {
    const dir = tempDir();
    const services = await startServices({ libraryPath: dir, host: 'cli', watch: false });
    const call = async <T>(name: string, params: unknown): Promise<T> => {
      const result = await services.dispatch(name, params);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    const { article } = await call<ImportOutcome>('importFile', {
      name: 'son-tra.txt',
      data: Buffer.from(TEXT).toString('base64'),
    });
    const highlight = await call<Annotation>('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 7,
      color: 'red',
    });
    // The search index can no longer be saved: its folder became a link.
    const search = path.join(cacheOf(dir), 'search');
    rmSync(search, { recursive: true, force: true });
    symlinkSync(tempDir('gloss-outside-'), search, 'dir');

    await expect(services.stop()).rejects.toMatchObject({ code: 'forbidden' });
    rmSync(search);
    const store = await LibraryStore.open(dir);
    try {
      expect((await store.listAnnotations(article.id)).map((a) => a.id)).toEqual([highlight.id]);
    } finally {
      await store.close();
    }
  });
});

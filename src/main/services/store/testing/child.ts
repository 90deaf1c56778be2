import { describeRange } from '../../../../shared/text/selectors';
import { GlossError } from '../../../../shared/result';
import { atomicWrite } from '../../fs/atomic-write';
import { LibraryStore } from '../library-store';
import { ARTICLE_TEXT, versionText } from './fixtures';

/**
 * A second process for the store's tests, bundled and run with node:
 *   atomic-loop FILE N        writes versionText(N), (N+1)... with atomicWrite, printing each finished n
 *   store-loop LIBRARY ID     adds a highlight to article ID (journal) and rewrites its note (whole shard),
 *                             flushing each, then prints the number of highlights
 *   open LIBRARY              tries to open the library, prints "ok" or the error code
 */
async function main(mode: string | undefined, target: string | undefined, extra: string | undefined) {
  if (!target) throw new Error('usage: child MODE PATH [ARTICLE_ID]');
  if (mode === 'atomic-loop') {
    for (let n = Number(extra ?? 1); ; n++) {
      await atomicWrite(target, versionText(n));
      process.stdout.write(`${n}\n`);
    }
  }
  if (mode === 'store-loop' && extra) {
    const articleId = extra;
    const store = await LibraryStore.open(target, { backupIntervalMs: 0 });
    for (let n = 0; ; n++) {
      const start = n % (ARTICLE_TEXT.length - 10);
      await store.createAnnotation({
        articleId,
        target: describeRange(ARTICLE_TEXT, start, start + 5),
        color: 'yellow',
      });
      await store.flush();
      await store.setArticleNote(articleId, `Ghi chú ${n}`);
      await store.flush();
      process.stdout.write(`${(await store.listAnnotations(articleId)).length}\n`);
    }
  }
  if (mode === 'open') {
    try {
      await (await LibraryStore.open(target)).close();
      process.stdout.write('ok\n');
    } catch (error) {
      process.stdout.write(`${error instanceof GlossError ? error.code : String(error)}\n`);
    }
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { LibraryStore } from './library-store';
import { ownString } from './own';
import { articleMeta, tempDir } from './testing/fixtures';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
/** About 5.2 million UTF-16 units of Vietnamese: 10 MB of heap (two bytes a character). */
const TEXT_UNITS = 5_200_000;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** A fresh, flat 5 MB text (joined, not repeated: `repeat` makes a small rope of shared pieces). */
function bigText(): string {
  const sentences: string[] = [];
  for (let units = 0; units < TEXT_UNITS; units += sentences.at(-1)?.length ?? 0) {
    sentences.push(`Sơn Trà là bán đảo nằm ở phía đông bắc thành phố Đà Nẵng, câu ${sentences.length}. `);
  }
  return sentences.join('');
}

let store: LibraryStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('stored strings own their characters', () => {
  it('ownString copies a slice so that it no longer keeps its parent alive', () => {
    const before = heapMB();
    let text: string | undefined = bigText();
    expect(heapMB() - before).toBeGreaterThan(9);
    let slice: string | undefined = text.slice(1000, 1040);
    const owned = ownString(slice);
    expect(owned).toBe(slice);
    text = undefined;
    // The slice alone keeps the whole text alive; the copy does not.
    expect(heapMB() - before).toBeGreaterThan(9);
    slice = undefined;
    expect(heapMB() - before).toBeLessThan(2);
    expect(owned).toHaveLength(40);
    expect(ownString('a\ud800b')).toBe('a\ud800b');
  });

  it('highlights created from a 5 MB text do not retain it once the text is released', async () => {
    store = await LibraryStore.open(tempDir());
    store.putArticle(articleMeta());
    const baseline = heapMB();
    let text: string | undefined = bigText();
    const withText = heapMB();
    expect(withText - baseline).toBeGreaterThan(9);
    for (let i = 0; i < 20; i++) {
      const start = 100_000 * i + 50;
      // describeRange cuts the quote, prefix and suffix as slices of the text.
      await store.createAnnotation({
        articleId: ID,
        target: describeRange(text, start, start + 40),
        color: 'yellow',
      });
    }
    text = undefined;
    expect(heapMB() - baseline).toBeLessThan(2);
    expect(await store.listAnnotations(ID)).toHaveLength(20);
  });
});

import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../shared/text/selectors';
import { LibraryStore } from '../../services/store';
import { ARTICLE_TEXT, articleMeta, tempDir } from '../../services/store/testing/fixtures';
import { main } from './main';
import { ownFolder } from '../../services/store/testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

afterEach(() => vi.restoreAllMocks());

describe('gloss on a damaged library', () => {
  it('prints what it repaired on stderr', async () => {
    const dir = tempDir();
    const store = await LibraryStore.open(dir, {});
    store.putArticle(articleMeta());
    await store.writeContent(ID, { text: ARTICLE_TEXT, blocks: [] });
    await store.createAnnotation({ articleId: ID, target: describeRange(ARTICLE_TEXT, 0, 3), color: 'red' });
    await store.close();
    appendFileSync(path.join(ownFolder(dir), 'annotations', `${ID}.journal`), '\0'.repeat(512));

    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['--library', dir, 'show', ID], dir)).toBe(0);
    expect(errors.join('\n')).toMatch(/^gloss: Gloss could not read 1 of the recent changes .*\.damaged-/m);
  });
});

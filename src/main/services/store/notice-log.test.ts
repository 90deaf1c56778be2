import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { articleMeta, tempDir } from './testing/fixtures';
import { ownFolder } from './testing/own-folder';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('notices found by a process without a window', () => {
  it('are shown by the app when it next opens the library, once', async () => {
    const dir = tempDir();
    const setup = await LibraryStore.open(dir);
    await setup.putArticle(articleMeta());
    await setup.close();
    // A journal a disk fault filled with NUL bytes: the command line finds it, keeps a copy aside and says so.
    writeFileSync(path.join(ownFolder(dir), 'annotations', `${ID}.journal`), Buffer.alloc(64));

    const cli = await LibraryStore.open(dir, { notices: 'record' });
    await cli.listAnnotations(ID);
    const printed = cli.takeNotices().map((n) => n.message);
    await cli.close();
    expect(printed.join('\n')).toMatch(/could not read .* recent changes/);

    const app = await LibraryStore.open(dir);
    expect(app.takeNotices().map((n) => n.message)).toEqual(printed);
    await app.close();
    const again = await LibraryStore.open(dir);
    expect(again.takeNotices().map((n) => n.message)).toEqual([]);
    await again.close();
  });
});

import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { fixtureFile, importThroughUi, readingArea, selectText } from './helpers';
import { convertEpub } from '../src/main/services/import/epub/epub';
import { buildEpub, type FixtureChapter } from '../src/main/services/import/epub/fixtures/build-epub';

const TITLES = ['Buổi sáng', 'Chợ Hàn', 'Cầu Rồng', 'Bán đảo Sơn Trà', 'Biển Mỹ Khê'];
const CHAPTERS: FixtureChapter[] = TITLES.map((title, i) => ({
  file: `chuong-${i + 1}.xhtml`,
  title: `Chương ${i + 1}`,
  body:
    `<h1>Chương ${i + 1}: ${title}</h1>` +
    Array.from(
      { length: 30 },
      (_, j) => `<p>Đoạn ${j + 1} của chương ${i + 1}: người Đà Nẵng kể chuyện ${title.toLowerCase()}.</p>`,
    ).join(''),
}));
const PASSAGE = 'Đoạn 5 của chương 3';

test('imports an EPUB, finds its chapters in the contents, and keeps a highlight in chapter 3 across a restart', async ({
  gloss,
}, testInfo) => {
  let page = gloss.page;
  const book = fixtureFile(testInfo.outputDir, 'song-han.epub', buildEpub({ chapters: CHAPTERS }));
  await importThroughUi(page, book);
  await page.getByRole('button', { name: 'Sông Hàn kể chuyện', exact: true }).click();
  const article = page.getByRole('article', { name: 'Article text' });
  await expect(article).toContainText('Chương 1: Buổi sáng');

  await page.getByRole('tab', { name: 'Contents' }).click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('button')).toHaveText(TITLES.map((_, i) => `Chương ${i + 1}`));
  await expect(contents.getByRole('button', { name: 'Chương 1' })).toHaveAttribute(
    'aria-current',
    'location',
  );

  await contents.getByRole('button', { name: 'Chương 3' }).click();
  const heading = article.getByRole('heading', { name: 'Chương 3: Cầu Rồng' });
  await expect(heading).toBeInViewport();
  const place = page.getByRole('status', { name: 'Place in the text' });
  await expect(place).toContainText('Chương 3');
  // The heading lands with room above it, not flush under the toolbar.
  await expect(async () => {
    const [top, area] = await Promise.all([heading.boundingBox(), readingArea(page).boundingBox()]);
    expect(top!.y - area!.y).toBeGreaterThanOrEqual(12);
    expect(top!.y - area!.y).toBeLessThan(40);
  }).toPass({ timeout: 5_000 });
  await expect(place).toContainText('3 of 5');
  const { text } = convertEpub(buildEpub({ chapters: CHAPTERS }));
  const percent = Math.floor((text.indexOf('Chương 3: Cầu Rồng') / text.length) * 100);
  await expect(place).toContainText(`${percent} % into the text`);
  await expect(contents.getByRole('button', { name: 'Chương 3' })).toHaveAttribute(
    'aria-current',
    'location',
  );

  // By keyboard: down to the next entry, Enter jumps there.
  await page.keyboard.press('ArrowDown');
  await expect(contents.getByRole('button', { name: 'Chương 4' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(article.getByRole('heading', { name: 'Chương 4: Bán đảo Sơn Trà' })).toBeInViewport();
  await expect(contents.getByRole('button', { name: 'Chương 4' })).toHaveAttribute(
    'aria-current',
    'location',
  );

  await contents.getByRole('button', { name: 'Chương 3' }).click();
  await selectText(page, PASSAGE);
  await page.keyboard.press('3');
  await expect(article.locator('mark.hl-green')).toHaveText(PASSAGE);

  page = await gloss.restart();
  await page.getByRole('button', { name: 'Sông Hàn kể chuyện', exact: true }).click();
  const reopened = page.getByRole('article', { name: 'Article text' });
  await expect(reopened.locator('mark.hl-green')).toHaveText(PASSAGE);
  await expect(reopened.locator('mark.hl-green')).toBeInViewport();
});

test("exports a book's highlights as Markdown grouped under their chapters", async ({ gloss }, testInfo) => {
  const { page } = gloss;
  const book = fixtureFile(testInfo.outputDir, 'song-han.epub', buildEpub({ chapters: CHAPTERS }));
  await importThroughUi(page, book);
  await page.getByRole('button', { name: 'Sông Hàn kể chuyện', exact: true }).click();
  const article = page.getByRole('article', { name: 'Article text' });
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await page.getByRole('tab', { name: 'Contents' }).click();
  const passages = [
    ['Chương 4', 'Đoạn 2 của chương 4'],
    ['Chương 2', 'Đoạn 7 của chương 2'],
    ['Chương 2', 'Đoạn 9 của chương 2'],
  ];
  for (const [chapter, passage] of passages) {
    await contents.getByRole('button', { name: chapter }).click();
    await selectText(page, passage!);
    await page.keyboard.press('1');
    await expect(article.locator('mark.hl-yellow', { hasText: passage })).toHaveCount(1);
  }

  await page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('combobox', { name: 'What' }).selectOption({ label: 'This article' });
  await dialog.getByRole('radio', { name: 'Markdown (Obsidian)' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const lines = text.split('\n').filter((line) => /^(### |> )/.test(line));
  expect(lines).toEqual([
    '### Chương 2',
    '> Đoạn 7 của chương 2',
    '> Đoạn 9 của chương 2',
    '### Chương 4',
    '> Đoạn 2 của chương 4',
  ]);
});

test('refuses a DRM-protected book and names it, leaving the library as it was', async ({
  gloss,
}, testInfo) => {
  const { page } = gloss;
  const encryption =
    '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
    '<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>' +
    '<enc:CipherData><enc:CipherReference URI="OEBPS/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>';
  const locked = buildEpub({ extra: { 'META-INF/encryption.xml': encryption } });
  await importThroughUi(page, fixtureFile(testInfo.outputDir, 'khoa.epub', locked));
  await expect(page.getByRole('alert')).toContainText('1 failed: “khoa.epub”.');
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('listitem')).toHaveText(
    'Cannot import “khoa.epub”: it is protected by DRM (its text is encrypted), so Gloss cannot read it. Import a copy without DRM.',
  );
  await expect(page.getByRole('button', { name: 'Sông Hàn kể chuyện', exact: true })).toHaveCount(0);
});

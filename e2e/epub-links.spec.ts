import path from 'node:path';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

const BOOK = path.resolve(
  import.meta.dirname,
  '../src/main/services/import/epub/fixtures/pandoc/song-han.epub',
);

test('a book made by pandoc shows its image, opens its footnote and follows its links', async ({ gloss }) => {
  const { page } = gloss;
  await importThroughUi(page, BOOK);
  await page.getByRole('button', { name: 'Sông Hàn kể chuyện', exact: true }).click();
  const article = page.getByRole('article', { name: 'Article text' });
  await expect(article).toContainText('Trời sáng trên sông Hàn.');

  // The image comes from the library, decoded, with its alt text.
  const image = article.getByRole('img', { name: 'Cầu Rồng về đêm' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  // Without the launch token, or with a name that is not an image's, nothing is served.
  const src = await image.evaluate((img: HTMLImageElement) => img.src);
  const statuses = await page.evaluate(async (url) => {
    const status = async (u: string) => (await fetch(u)).status;
    const bare = url.split('?')[0]!;
    return [await status(bare), await status(url.replace(/[0-9a-f]{64}/, '../../../etc/passwd'))];
  }, src);
  expect(statuses).toEqual([401, 404]);

  // The footnote opens in a popover, by mouse and by keyboard; Escape closes it and gives focus back.
  const reference = article.getByRole('link', { name: '1', exact: true });
  await reference.click();
  const note = page.getByRole('dialog', { name: 'Footnote' });
  await expect(note).toContainText('Cầu Rồng khánh thành năm 2013, dài 666 mét.');
  await expect(note).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(note).toHaveCount(0);
  await expect(reference).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Go to note' }).click();
  await expect(article.getByText('Cầu Rồng khánh thành năm 2013')).toBeInViewport();

  // A link to another chapter jumps there; Back returns.
  await page.getByRole('tab', { name: 'Contents' }).click();
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: 'Hàng cá' }).click();
  await article.getByRole('link', { name: 'buổi sáng', exact: true }).click();
  await expect(article.getByRole('heading', { name: 'Buổi sáng trên sông Hàn' })).toBeInViewport();
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(article.getByRole('link', { name: 'buổi sáng', exact: true })).toBeInViewport();
});

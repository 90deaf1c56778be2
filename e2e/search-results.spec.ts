import { expect, test } from './fixtures';
import { openSample, readingArea, selectText, SIZES } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

/** Folds Vietnamese as search does: no accents, đ as d, lower case. */
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

for (const size of SIZES) {
  test.describe(`search results at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('snippets show a note’s words, mark only what matches, and an opened result is marked in the text', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      await selectText(page, PASSAGE);
      await page.keyboard.press('1');
      const editor = page.getByRole('region', { name: 'Selected highlight' });
      await editor.getByLabel('Note (Markdown)').fill('## Ghi chú\n\n- **bán đảo** <i>xinh</i>');
      await editor.getByLabel('Note (Markdown)').press('Control+Enter');
      await page.getByRole('button', { name: '← Library' }).click();

      const search = page.getByRole('searchbox', { name: 'Search the library' });
      await search.fill('ban dao ');
      const results = page.getByRole('region', { name: 'Search results' });
      const noteHit = results.getByRole('button').filter({ hasText: 'bán đảo xinh' });
      await expect(noteHit).toBeVisible();
      await expect(noteHit).not.toContainText('**');
      await expect(noteHit).not.toContainText('<i>');

      await search.fill('son tra');
      await expect(results.locator('mark', { hasText: 'Sơn Trà' }).first()).toBeVisible();
      const marked = await results.locator('mark').allTextContents();
      for (const words of marked) expect(fold(words)).toMatch(/^(son|tra)( (son|tra))*$/);

      await results.getByRole('button').filter({ hasText: 'trao đổi' }).first().click();
      const current = page.getByRole('article', { name: 'Article text' }).locator('mark.find-current');
      await expect(current).toHaveText(/Sơn Trà/);
      await expect(current).toBeInViewport();
      await expect(readingArea(page)).toBeVisible();
    });
  });
}

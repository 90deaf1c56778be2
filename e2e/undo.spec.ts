import { expect, test } from './fixtures';
import { fixtureFile, importThroughUi, openSample, readingArea, selectText, SIZES } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

for (const size of SIZES) {
  test.describe(`undo that does what it says at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('Ctrl+Z undoes this article’s changes, says which, and never reaches into another article', async ({
      gloss,
    }, testInfo) => {
      const { page } = gloss;
      await importThroughUi(
        page,
        fixtureFile(testInfo.outputDir, 'khac.txt', 'Bài khác\n\nMột đoạn văn ngắn ở Hội An.'),
      );
      await page.getByRole('button', { name: 'Bài khác', exact: true }).click();
      await selectText(page, 'Hội An');
      await page.keyboard.press('2');
      await page.getByRole('button', { name: '← Library' }).click();

      await openSample(page);
      await selectText(page, PASSAGE);
      await page.keyboard.press('1');
      const article = page.getByRole('article', { name: 'Article text' });
      await expect(article.locator('mark.hl-yellow')).toHaveText(PASSAGE);
      const editor = page.getByRole('region', { name: 'Selected highlight' });
      await editor.getByRole('radio', { name: 'Green' }).click();
      await expect(article.locator('mark.hl-green')).toHaveText(PASSAGE);

      await readingArea(page).focus();
      await page.keyboard.press('Control+z');
      await expect(page.getByText(/^Undid: highlight “muốn đổi mới .*” recoloured\.$/)).toBeVisible();
      await expect(article.locator('mark.hl-yellow')).toHaveText(PASSAGE);
      await page.keyboard.press('Control+z');
      await expect(page.getByText(/^Undid: highlight “muốn đổi mới .*” added\.$/)).toBeVisible();
      await expect(article.locator('mark.hl')).toHaveCount(0);
      await page.keyboard.press('Control+z');
      await expect(page.getByText('Nothing to undo in this article.')).toBeVisible();

      await page.getByRole('button', { name: '← Library' }).click();
      await expect(page.getByRole('listitem').filter({ hasText: 'Bài khác' })).toContainText('1 highlight');
    });

    test('a notice’s Undo undoes exactly its action, and is disabled once that was undone; the editor shows the result', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      await selectText(page, PASSAGE);
      await page
        .getByRole('toolbar', { name: 'Highlight selection' })
        .getByRole('button', { name: 'Add note' })
        .click();
      const editor = page.getByRole('region', { name: 'Selected highlight' });
      await expect(editor.getByLabel('Note (Markdown)')).toBeFocused();
      await page.keyboard.type('một');
      await page.keyboard.press('Control+Enter');
      await editor.getByLabel('Note (Markdown)').fill('hai');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('list', { name: /Highlights/ })).toContainText('hai');
      await readingArea(page).focus();
      await page.keyboard.press('Control+z');
      await expect(page.getByText(/^Undid: note on “muốn đổi mới .*” edited\.$/)).toBeVisible();
      await expect(editor.getByLabel('Note (Markdown)')).toHaveValue('một');

      await editor.getByRole('button', { name: 'Delete highlight' }).click();
      const notice = page.getByRole('status').filter({ hasText: 'Highlight deleted.' });
      await expect(notice.getByRole('button', { name: 'Undo' })).toBeEnabled();
      await readingArea(page).focus();
      await page.keyboard.press('Control+z');
      await expect(page.getByRole('button', { name: `Highlight: ${PASSAGE}` })).toBeVisible();
      await expect(notice.getByRole('button', { name: 'Undo' })).toBeDisabled();
    });

    test('deleting a tag offers an Undo that brings it back', async ({ gloss }) => {
      const { page } = gloss;
      await openSample(page);
      await selectText(page, PASSAGE);
      await page
        .getByRole('toolbar', { name: 'Highlight selection' })
        .getByRole('button', { name: 'Add tags' })
        .click();
      await expect(page.getByLabel('Tags (comma-separated)')).toBeFocused();
      await page.keyboard.type('bài học');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('list', { name: /Highlights/ })).toContainText('#bài học');
      await page.getByRole('tab', { name: 'Tags' }).click();
      await page.getByRole('button', { name: 'Delete tag bài học' }).click();
      const notice = page.getByRole('status').filter({ hasText: 'Deleted tag “bài học”.' });
      await notice.getByRole('button', { name: 'Undo' }).click();
      await expect(page.getByRole('button', { name: 'Delete tag bài học' })).toBeVisible();
    });
  });
}

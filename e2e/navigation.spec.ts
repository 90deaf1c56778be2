import { expect, test } from './fixtures';
import { openSample, readingArea, selectText, SAMPLE_TITLE, SIZES } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

for (const size of SIZES) {
  test.describe(`navigation and focus at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('the address holds the article and highlight: reload returns to them, Back goes to the library', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      await expect(readingArea(page)).toBeFocused();
      // The whole text follows the first screen; PageDown scrolls once there is more than a screen.
      await expect
        .poll(() => readingArea(page).evaluate((el) => el.scrollHeight - el.clientHeight))
        .toBeGreaterThan(0);
      await page.keyboard.press('PageDown');
      await expect.poll(() => readingArea(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      await expect(page).toHaveURL(/#\/article\/[0-9a-f-]{36}$/);

      await selectText(page, PASSAGE);
      await page.keyboard.press('1');
      await expect(page).toHaveURL(/#\/article\/[0-9a-f-]{36}\?h=[0-9a-f-]{36}$/);
      await page.reload();
      await expect(page.getByRole('toolbar', { name: 'Reader' })).toContainText(SAMPLE_TITLE);
      await expect(page.getByRole('region', { name: 'Selected highlight' })).toContainText(PASSAGE);

      await page.goBack();
      await expect(page.getByRole('list', { name: 'Articles' })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Sort', exact: true })).toBeVisible();
    });

    test('colours are one tab stop with arrow keys, tabs have panels, and a selection let go in the margin still works', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      const article = page.getByRole('article', { name: 'Article text' });
      // Drag from inside the text out into the right margin, and let go there.
      const box = await article.getByText('Các đồng chí Nguyễn Quang Dương').boundingBox();
      const area = await readingArea(page).boundingBox();
      await page.mouse.move(box!.x + 2, box!.y + 8);
      await page.mouse.down();
      await page.mouse.move(area!.x + area!.width - 30, box!.y + 10, { steps: 8 });
      await page.mouse.up();
      await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
      await page.keyboard.press('3');
      await expect(article.locator('mark.hl-green').first()).toBeVisible();

      const colours = page.getByRole('radiogroup', { name: 'Colour' });
      await expect(colours.getByRole('radio', { name: 'Green' })).toHaveAttribute('aria-checked', 'true');
      await expect(colours.locator('[tabindex="0"]')).toHaveCount(1);
      await colours.getByRole('radio', { name: 'Green' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(colours.getByRole('radio', { name: 'Blue' })).toBeFocused();
      await expect(colours.getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'true');
      await expect(article.locator('mark.hl-blue').first()).toBeVisible();

      await expect(page.getByRole('tabpanel', { name: 'Notes' })).toBeVisible();
      await page.getByRole('tab', { name: 'Notes' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: 'Tags' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel', { name: 'Tags' })).toBeVisible();
    });
  });
}

test('after gloss serve restarts, the page says so and reconnects on the same address', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  const before = page.url();
  await gloss.restartServer!();
  await expect(page.getByText('Reconnected to Gloss.')).toBeVisible({ timeout: 30_000 });
  await selectText(page, PASSAGE);
  await page.keyboard.press('2');
  await expect(page.getByRole('article', { name: 'Article text' }).locator('mark.hl-red')).toHaveText(
    PASSAGE,
  );
  await expect(page.getByText('Missing or wrong Gloss token.')).toHaveCount(0);
  expect(page.url().startsWith(before)).toBe(true);
});

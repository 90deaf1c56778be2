import { expect, test } from './fixtures';
import { annotate, fixtureFile, importThroughUi, openSample, readingArea, SIZES } from './helpers';

const WINDOWS = [
  { width: 900, height: 700 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

for (const size of WINDOWS) {
  test.describe(`a window of ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('every reader control is in reach, the side panel toggles (button and Ctrl+\\), and progress reaches 100 %', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      const toolbar = page.getByRole('toolbar', { name: 'Reader' });
      for (const name of ['← Library', 'Find', 'Copy notes', 'Export…', 'Display', 'Notes panel']) {
        await expect(toolbar.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
      }
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);

      const toggle = toolbar.getByRole('button', { name: 'Notes panel' });
      const panel = page.getByRole('complementary', { name: 'Side panel' });
      const narrow = size.width < 1000;
      await expect(toggle).toHaveAttribute('aria-expanded', String(!narrow));
      await toggle.click();
      await expect(panel).toHaveCount(narrow ? 1 : 0);
      await readingArea(page).focus();
      await page.keyboard.press('Control+\\');
      await expect(panel).toHaveCount(narrow ? 0 : 1);
      if (!narrow) {
        const [text, side] = await Promise.all([readingArea(page).boundingBox(), panel.boundingBox()]);
        expect(text!.x + text!.width).toBeLessThanOrEqual(side!.x + 1);
      }

      const progress = page.getByRole('progressbar', { name: 'Reading progress' });
      await expect(progress).toHaveAttribute('aria-valuenow', '0');
      await readingArea(page).focus();
      await page.keyboard.press('End');
      await expect(progress).toHaveAttribute('aria-valuenow', '100');
    });
  });
}

for (const size of SIZES) {
  test.describe(`lines and counts at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('the count of highlights follows the filter, and the tags table and export dialog line up', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      await annotate(page, 'muốn đổi mới phương thức lãnh đạo của Đảng', { tags: 'bài học' });
      await annotate(page, 'Lương Nguyễn Minh Triết', { tags: 'nhân vật' });
      await expect(page.getByRole('heading', { name: 'Highlights (2)' })).toBeVisible();
      await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('nhân vật');
      await expect(page.getByRole('heading', { name: 'Highlights (1 of 2)' })).toBeVisible();

      await page.getByRole('tab', { name: 'Tags' }).click();
      const columns = await page
        .getByRole('table')
        .evaluate((table) =>
          Array.from(table.querySelectorAll('tr')).map((row) =>
            Array.from(row.children).map((cell) => Math.round(cell.getBoundingClientRect().left)),
          ),
        );
      for (const row of columns) expect(row).toEqual(columns[0]);

      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export notes' });
      for (const name of ['Markdown (Obsidian)', 'Web Annotation JSON']) {
        const radio = await dialog.getByRole('radio', { name }).boundingBox();
        const label = await dialog.getByText(name, { exact: true }).boundingBox();
        // Beside its text, on the same line (not above it), at the start of the label.
        expect(Math.abs(radio!.y + radio!.height / 2 - (label!.y + label!.height / 2))).toBeLessThan(8);
        expect(radio!.x + radio!.width).toBeLessThan(label!.x + label!.width / 4);
      }
    });
  });
}

test('a short article leaves no gap under the reader', async ({ gloss }, testInfo) => {
  const { page } = gloss;
  await page.setViewportSize({ width: 1024, height: 700 });
  await importThroughUi(page, fixtureFile(testInfo.outputDir, 'ngan.txt', 'Bài ngắn\n\nChỉ một đoạn.'));
  await page.getByRole('button', { name: 'Bài ngắn', exact: true }).click();
  const bottom = await page.getByRole('contentinfo', { name: 'Status' }).boundingBox();
  expect(bottom!.y + bottom!.height).toBeGreaterThanOrEqual(699);
  const area = await readingArea(page).boundingBox();
  expect(bottom!.y - (area!.y + area!.height)).toBeLessThanOrEqual(2);
});

import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { fixtureFile, importThroughUi, openSample, SAMPLE, SIZES } from './helpers';

for (const size of SIZES) {
  test.describe(`notices at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('a batch summary names what happened, with plurals right, and an error stays', async ({
      gloss,
    }, testInfo) => {
      const { page } = gloss;
      const copy = fixtureFile(testInfo.outputDir, 'ban-sao.txt', readFileSync(SAMPLE, 'utf8'));
      const empty = fixtureFile(testInfo.outputDir, 'trống.txt', '');
      await importThroughUi(page, [SAMPLE, copy, empty]);
      const summary = page.getByRole('alert').filter({ hasText: 'Imported 1 of 3 files.' });
      await expect(summary).toContainText('1 duplicate skipped (already in the library): “ban-sao.txt”.');
      await expect(summary).toContainText('1 failed: “trống.txt”.');
      await page.waitForTimeout(7000);
      await expect(summary).toBeVisible();
      await summary.getByRole('button', { name: 'Dismiss' }).click();
      await expect(summary).toHaveCount(0);
    });

    test('information goes away by itself', async ({ gloss }) => {
      const { page } = gloss;
      await gloss.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await openSample(page);
      await page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Copy notes' }).click();
      const notice = page.getByRole('status').filter({ hasText: 'Notes copied as Markdown.' });
      await expect(notice).toBeVisible();
      await expect(notice).toHaveCount(0, { timeout: 9000 });
    });
  });
}

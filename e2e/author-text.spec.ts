import { expect, test } from './fixtures';
import { fixtureFile, importThroughUi, openSample, readingArea, SIZES } from './helpers';

const MARKDOWN = `---
title: Ghi chép khảo sát
author: Trần Bình
date: 2022-04-01T09:35
tags:
  - Đà Nẵng
  - khảo sát
---
# Ghi chép khảo sát

Đề án được triển khai tại https://example.com/mot-duong-dan-rat-dai-khong-co-cho-ngat-dong-nao-ca-de-xem-no-co-tran-ra-ngoai-hay-khong-dau

\`\`\`
đề án = "Sơn Trà"
\`\`\`
`;

for (const size of SIZES) {
  test.describe(`keeps what the author wrote at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('front matter tags and a date with its time are kept; code in a monospace font with Vietnamese glyphs; long words wrap', async ({
      gloss,
    }, testInfo) => {
      const { page } = gloss;
      await importThroughUi(page, fixtureFile(testInfo.outputDir, 'ghi-chep.md', MARKDOWN));
      const row = page.getByRole('listitem').filter({ hasText: 'Ghi chép khảo sát' });
      await expect(row).toContainText('#Đà Nẵng');
      await expect(row).toContainText('#khảo sát');

      await page.getByRole('button', { name: 'Edit details of Ghi chép khảo sát' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit article details' });
      await expect(dialog.getByLabel('Published')).toHaveValue('2022-04-01T09:35');
      await dialog.getByLabel('Title').fill('Ghi chép khảo sát (sửa)');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Edit details of Ghi chép khảo sát (sửa)' }).click();
      await expect(page.getByRole('dialog').getByLabel('Published')).toHaveValue('2022-04-01T09:35');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Ghi chép khảo sát (sửa)', exact: true }).click();
      const article = page.getByRole('article', { name: 'Article text' });
      const code = article.locator('pre');
      await expect(code).toContainText('đề án');
      expect(await code.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Noto Sans Mono');
      // The face that draws "ề" (Vietnamese subset) is one of the app's own, and it loaded.
      const loaded = await page.evaluate(async () => {
        const faces = await document.fonts.load('1em "Noto Sans Mono"', 'ề').catch(() => []);
        return faces.length > 0 && faces.every((face) => face.status === 'loaded');
      });
      expect(loaded).toBe(true);
      const overflow = await readingArea(page).evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    test('the article says its language, and the byline is not shown twice', async ({ gloss }) => {
      const { page } = gloss;
      await openSample(page);
      await expect(readingArea(page).locator('[lang="vi"]')).toHaveCount(1);
      // The sample signs itself at the end ("LÊ ANH TUẤN"): no second byline above it.
      await expect(readingArea(page).getByText(/Lê Anh Tuấn/i)).toHaveCount(1);
    });
  });
}

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE, SAMPLE_TITLE } from './helpers';

test.use({ locale: 'vi-VN' });

/** Controls whose label is cut off or spills out of them, or a page wider than the window. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push('the page scrolls sideways');
    const controls = document.querySelectorAll<HTMLElement>(
      'button, label, legend, select, [role=tab], h2, h3, .find-count, .notice span, .empty-state p',
    );
    for (const el of controls) {
      if (el.getClientRects().length === 0 || el.closest('.article-body, .reader-title, .article-title'))
        continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto') {
        found.push(`${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 60)}`);
      }
    }
    return found;
  });
}

for (const size of [
  { width: 900, height: 700 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
]) {
  test(`in Vietnamese at ${size.width}×${size.height}, no label is clipped or overflows`, async ({
    gloss,
  }, info) => {
    const { page } = gloss;
    await page.setViewportSize(size);
    const shot = (name: string) =>
      page.screenshot({ path: info.outputPath(`vi-${size.width}x${size.height}-${name}.png`) });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Nhập tệp…' }).first().click();
    await (await chooser).setFiles(SAMPLE);
    await expect(page.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
    await shot('library');
    expect(await clipped(page), 'library').toEqual([]);

    await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
    await expect(page.getByRole('article', { name: 'Nội dung bài' })).toContainText('Sáng 31-3');
    const panel = page.getByRole('button', { name: 'Bảng ghi chú' });
    if ((await panel.getAttribute('aria-expanded')) !== 'true') await panel.click();
    await expect(page.getByRole('heading', { name: 'Ghi chú của bài' })).toBeVisible();
    await shot('reader-notes');
    expect(await clipped(page), 'reader with the notes panel').toEqual([]);

    await page.getByRole('button', { name: 'Hiển thị' }).click();
    await expect(page.getByRole('group', { name: 'Cài đặt hiển thị' })).toBeVisible();
    await shot('settings');
    expect(await clipped(page), 'display settings').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Xuất…' }).click();
    await expect(page.getByRole('dialog', { name: 'Xuất ghi chú' })).toBeVisible();
    await shot('export-dialog');
    expect(await clipped(page), 'export dialog').toEqual([]);
  });
}

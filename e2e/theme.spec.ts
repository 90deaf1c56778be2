import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSample, SAMPLE_TITLE } from './helpers';

/** How light the article's page is painted, 0 (black) to 255 (white). */
async function pageLightness(page: Page): Promise<number> {
  return page.getByRole('article', { name: 'Article text' }).evaluate((article) => {
    let node: Element | null = article;
    while (node) {
      const color = getComputedStyle(node).backgroundColor;
      const [r, g, b, a] = (color.match(/[\d.]+/g) ?? []).map(Number);
      if (a !== 0 && r !== undefined) return Math.round((r + g! + b!) / 3);
      node = node.parentElement;
    }
    return 255;
  });
}

test('a new library follows the system appearance until a theme is chosen', async ({ gloss }) => {
  const page = gloss.page;
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSample(page);
  await expect.poll(() => pageLightness(page)).toBeLessThan(80);

  // The system turns light while the window is open: Gloss follows (once it has heard of it).
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => pageLightness(page)).toBeGreaterThan(200);

  // A chosen theme stays whatever the system does, and is remembered.
  await page.getByRole('button', { name: 'Display' }).click();
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await theme.selectOption({ label: 'Dark' });
  await expect.poll(() => pageLightness(page)).toBeLessThan(80);
  const again = await gloss.restart();
  await again.emulateMedia({ colorScheme: 'light' });
  await again.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await expect(again.getByRole('article', { name: 'Article text' })).toContainText('Sáng 31-3');
  await expect.poll(() => pageLightness(again)).toBeLessThan(80);
});

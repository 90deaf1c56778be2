import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { column, makePdf, type PageSpec } from '../src/main/services/import/fixtures/make-pdf';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

const TITLE = 'Phóng to và thu nhỏ';

/** Eight A4 pages: two of front matter numbered i and ii, then pages 1 to 6. */
async function paper(): Promise<string> {
  const pages: PageSpec[] = Array.from({ length: 8 }, (_, i) => ({
    texts: column([`Trang thứ ${i + 1} của tài liệu.`, 'Dòng thứ hai của trang.'], 72, 760),
  }));
  const bytes = await makePdf(pages, {
    title: TITLE,
    pageLabels: [
      [0, 'r'],
      [2, 'D'],
    ],
  });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gloss-pdf-zoom-')), 'zoom.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** Where a page is within the view that scrolls the pages, and the view's own box. */
async function placeOf(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true }).evaluate((slot) => {
    let view = slot.parentElement!;
    while (getComputedStyle(view).overflowY !== 'auto' && getComputedStyle(view).overflowY !== 'scroll')
      view = view.parentElement!;
    const box = slot.getBoundingClientRect();
    const frame = view.getBoundingClientRect();
    const bar = view.querySelector('.pdf-controls')!.getBoundingClientRect();
    return {
      top: box.top,
      bottom: box.bottom,
      height: box.height,
      viewTop: frame.top,
      viewBottom: frame.bottom,
      barBottom: bar.bottom,
    };
  });
}

test('zoom to fit the page or the width, by steps and Ctrl+wheel around the pointer; the page field follows the reading', async ({
  gloss,
}) => {
  test.setTimeout(90_000);
  const page = gloss.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await importThroughUi(page, await paper());
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.getByRole('region', { name: 'Page i', exact: true }).locator('.textLayer')).toContainText(
    'Trang thứ 1',
  );

  const controls = page.getByRole('toolbar', { name: 'Pages' });
  const field = controls.getByLabel('Go to page');
  const zoom = controls.getByLabel('Zoom', { exact: true });
  const fitWidth = controls.getByRole('button', { name: 'Fit width' });
  const fitPage = controls.getByRole('button', { name: 'Fit page' });
  // Fit width is the default, and the field names the page being read by its label.
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'true');
  await expect(fitPage).toHaveAttribute('aria-pressed', 'false');
  await expect(field).toHaveValue('i');

  // Fit page: a whole page fits between the controls and the bottom of the view.
  const wide = await zoom.textContent();
  await fitPage.click();
  await expect(fitPage).toHaveAttribute('aria-pressed', 'true');
  await expect(zoom).not.toHaveText(wide!);
  const fitted = await placeOf(page, 'Page i');
  expect(fitted.height).toBeLessThanOrEqual(fitted.viewBottom - fitted.barBottom);
  expect(fitted.top).toBeGreaterThanOrEqual(fitted.barBottom - 1);
  expect(fitted.bottom).toBeLessThanOrEqual(fitted.viewBottom);

  // Going to page 3 by its label puts its top just under the controls (a little room left), and the
  // field follows.
  await field.fill('3');
  await field.press('Enter');
  await expect(field).toHaveValue('3');
  const third = await placeOf(page, 'Page 3');
  expect(third.top - third.barBottom).toBeGreaterThanOrEqual(0);
  expect(third.top - third.barBottom).toBeLessThan(32);

  // Ctrl+wheel zooms the pages (not the window) and keeps the point under the pointer in place.
  const pointerY = third.top + third.height * 0.4;
  await page.mouse.move(640, pointerY);
  const shown = await zoom.textContent();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect(zoom).not.toHaveText(shown!);
  expect(parseInt((await zoom.textContent())!, 10)).toBeGreaterThan(parseInt(shown!, 10));
  await expect(fitPage).toHaveAttribute('aria-pressed', 'false');
  const zoomed = await placeOf(page, 'Page 3');
  expect(zoomed.height).toBeGreaterThan(third.height * 1.2);
  expect(Math.abs(zoomed.top + zoomed.height * 0.4 - pointerY)).toBeLessThan(12);
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

  // Ctrl+0 goes back to fit width, still on page 3; Ctrl+− steps down.
  await page.keyboard.press('Control+0');
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'true');
  await expect(zoom).toHaveText(wide!);
  await expect(field).toHaveValue('3');
  await page.keyboard.press('Control+-');
  await expect(zoom).not.toHaveText(wide!);
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'false');
  await expect(field).toHaveValue('3');
});

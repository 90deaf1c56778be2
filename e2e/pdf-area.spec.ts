import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { column, makePdf } from '../src/main/services/import/fixtures/make-pdf';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

/** A three-page PDF whose pages are labelled i, 1, 2. */
async function threePages(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-area-')), 'hinh.pdf');
  const lines = ['Lời nói đầu.', 'Hình 1: sơ đồ bán đảo.', 'Bảng 2: số liệu khảo sát.'];
  const pdf = await makePdf(
    lines.map((line) => ({ texts: column([line], 72, 760, 14) })),
    {
      title: 'Hình và bảng',
      pageLabels: [
        [0, 'r'],
        [1, 'D'],
      ],
    },
  );
  writeFileSync(file, pdf);
  return file;
}

test('an area of a PDF page is highlighted by dragging or from the keyboard, noted and tagged, and kept after a restart', async ({
  gloss,
}) => {
  test.setTimeout(120_000);
  let page = gloss.page;
  await importThroughUi(page, await threePages());
  await page.getByRole('button', { name: 'Hình và bảng', exact: true }).click();
  const areaMode = page.getByRole('button', { name: 'Highlight area' });
  await areaMode.click();
  await expect(areaMode).toHaveAttribute('aria-pressed', 'true');

  // Drag a rectangle over the middle of the page labelled 1.
  const second = page.getByRole('region', { name: 'Page 1', exact: true });
  await second.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await expect(second.locator('canvas')).toBeVisible();
  const box = (await second.boundingBox())!;
  const middle = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.2, middle - 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, middle + 60, { steps: 6 });
  await page.mouse.up();

  const drawn = second.getByRole('button', { name: 'Area highlight, p. 1' });
  await expect(drawn).toBeVisible();
  const shown = (await drawn.boundingBox())!;
  expect(shown.width).toBeGreaterThan(box.width * 0.45);
  expect(shown.height).toBeGreaterThan(150);
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await expect(editor).toContainText('Area on p. 1');
  await editor.getByRole('radio', { name: 'Green' }).click();
  await editor.getByLabel('Note (Markdown)').fill('sơ đồ bán đảo');
  await editor.getByLabel('Tags (comma-separated)').fill('hình');
  await editor.getByLabel('Tags (comma-separated)').press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(drawn).toHaveAttribute('data-color', 'green');

  // The keyboard path: Enter on a focused page starts a rectangle, arrows move it, Enter keeps it.
  const third = page.getByRole('region', { name: 'Page 2', exact: true });
  await third.scrollIntoViewIfNeeded();
  await third.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(third.getByRole('button', { name: 'Area highlight, p. 2' })).toBeVisible();

  // Alt+A leaves the mode; the notes panel lists both areas in page order.
  await page.keyboard.press('Alt+a');
  await expect(areaMode).toHaveAttribute('aria-pressed', 'false');
  const panel = page.getByRole('complementary', { name: 'Side panel' });
  await expect(panel.getByRole('button', { name: /^Area on p\. / })).toHaveText([
    /Area on p\. 1/,
    /Area on p\. 2/,
  ]);
  // Each shows a picture of its rectangle, named by its note, or by its place when it has none.
  await expect(panel.getByRole('img', { name: 'sơ đồ bán đảo' })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'Area on p. 2' })).toBeVisible();

  // Zoom redraws the area where it was.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(second.getByRole('button', { name: 'Area highlight, p. 1' })).toBeVisible();

  page = await gloss.restart();
  await page.getByRole('button', { name: 'Hình và bảng', exact: true }).click();
  const again = page.getByRole('region', { name: 'Page 1', exact: true });
  await again.scrollIntoViewIfNeeded();
  const kept = again.getByRole('button', { name: 'Area highlight, p. 1' });
  await expect(kept).toHaveAttribute('data-color', 'green');
  await kept.click();
  const after = page.getByRole('region', { name: 'Selected highlight' });
  await expect(after.getByLabel('Note (Markdown)')).toHaveValue('sơ đồ bán đảo');
  await expect(after.getByLabel('Tags (comma-separated)')).toHaveValue('hình');
});

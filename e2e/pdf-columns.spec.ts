import path from 'node:path';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

const PAPER = path.resolve(import.meta.dirname, '../src/main/services/import/fixtures/two-column-paper.pdf');

test('dragging below the end of a line in the left column selects within that column only', async ({
  gloss,
}) => {
  test.setTimeout(120_000);
  const page = gloss.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await importThroughUi(page, PAPER);
  await page.getByRole('button', { name: 'Reading in two columns', exact: true }).click();
  const layer = page.getByRole('region', { name: 'Page 1' }).locator('.textLayer');
  await expect(layer).toContainText('The second column starts');
  // From "A second paragraph" to just below the end of the left column's last line.
  const { from, to } = await layer.evaluate((root) => {
    const spans = [...root.querySelectorAll<HTMLElement>('[data-run]')];
    const start = spans.find((s) => s.textContent?.startsWith('A second paragraph'))!;
    const last = spans.find((s) => s.textContent?.startsWith('with the fi and fl ligatures'))!;
    start.scrollIntoView({ block: 'center' });
    const a = start.getBoundingClientRect();
    const b = last.getBoundingClientRect();
    return { from: { x: a.left + 2, y: a.top + a.height / 2 }, to: { x: b.right - 4, y: b.bottom + 6 } };
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  await page.mouse.up();
  expect(selected).toContain('A second paragraph in the left col');
  expect(selected).not.toContain('second column starts');
  expect(selected).not.toContain('Right column');
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
});

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

test('a highlight across two columns is painted where it was made, at any zoom and after a restart', async ({
  gloss,
}) => {
  test.setTimeout(240_000);
  let page = gloss.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await importThroughUi(page, PAPER);
  await page.getByRole('button', { name: 'Reading in two columns', exact: true }).click();
  // The page changes with the restart: the text layer is looked up on the current one.
  const layer = () => page.getByRole('region', { name: 'Page 1' }).locator('.textLayer');
  await expect(layer()).toContainText('The second column starts');
  // The whole page in view, then from the left column's last line to the end of the right column's first.
  const zoom = page.getByLabel('Zoom', { exact: true });
  for (const step of [1, 2]) {
    const shown = await zoom.textContent();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(zoom, `zoom step ${step}`).not.toHaveText(shown!);
  }
  await layer().scrollIntoViewIfNeeded();
  await expect(layer()).toContainText('The second column starts');
  const spanBoxes = (texts: string[]) =>
    layer().evaluate((root, wanted) => {
      const spans = [...root.querySelectorAll<HTMLElement>('[data-run]')];
      return wanted.map((w) => {
        const r = spans.find((s) => s.textContent?.startsWith(w))!.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
    }, texts);
  const [from, to] = await spanBoxes(['with the fi and fl ligatures', 'The second column starts']);
  await page.mouse.move(from!.left + 2, (from!.top + from!.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move(to!.right - 2, (to!.top + to!.bottom) / 2, { steps: 10 });
  await page.mouse.up();
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: 'Highlight Yellow' })
    .click();
  await expect(page.locator('.pdf-hl').first()).toBeVisible();

  /**
   * Each painted box is over one of the lines highlighted (within a few pixels of its glyphs), none over
   * the page number, which comes between the columns in the canonical text but was not selected.
   */
  const checkPainted = async () => {
    const lines = await spanBoxes(['with the fi and fl ligatures', '2', 'The second column starts']);
    const footer = await layer().evaluate((root) => {
      const spans = [...root.querySelectorAll<HTMLElement>('[data-run]')].filter(
        (s) => s.textContent === '1',
      );
      const r = spans.at(-1)!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const painted = await page.locator('.pdf-hl').evaluateAll((boxes) =>
      boxes.map((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    expect(painted.length).toBeGreaterThanOrEqual(3);
    for (const box of painted) expect(box.top >= footer.bottom || box.bottom <= footer.top).toBe(true);
    for (const box of painted) {
      const line = lines.find((l) => Math.abs(l.top - box.top) < 3 && Math.abs(l.bottom - box.bottom) < 3);
      expect(line, JSON.stringify({ box, lines })).toBeDefined();
      expect(box.left).toBeGreaterThanOrEqual(line!.left - 2);
      expect(box.right).toBeLessThanOrEqual(Math.max(line!.right, lines[2]!.right) + 2);
    }
    // None spans the gutter: each box is in one column.
    const gutter = (lines[0]!.right + lines[2]!.left) / 2;
    for (const box of painted) expect(box.right < gutter || box.left > gutter).toBe(true);
  };
  await checkPainted();
  const before = await zoom.textContent();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).not.toHaveText(before!);
  await expect(checkPainted).toPass();

  page = await gloss.restart();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Reading in two columns', exact: true }).click();
  await expect(checkPainted).toPass();
});

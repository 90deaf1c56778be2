import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openSample, selectText, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';
const MINE = '\n## Của tôi\n\nViết tay trong Obsidian, ngoài dấu của Gloss.\n';

test('a note in the export folder follows an edit in the app, and text added by hand outside the markers stays', async ({
  gloss,
}, testInfo) => {
  test.slow();
  let { page } = gloss;
  const folder = path.join(testInfo.outputDir, 'Vault Sơn Trà');
  mkdirSync(folder, { recursive: true });
  await openSample(page);
  await selectText(page, PASSAGE);
  await page.keyboard.press('3');
  await page.getByRole('button', { name: '← Library' }).click();

  // A browser cannot choose a folder; it says how, and `gloss export --watch --out DIR` leaves the
  // folder remembered for this library on this computer, as written here.
  await page.getByRole('button', { name: 'Export…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('gloss export --watch --out DIR');
  const dataDir = path.join(`${gloss.libraryDir}-config`, 'Gloss');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'export-folders.json'), JSON.stringify({ [gloss.libraryDir]: folder }));
  page = await gloss.restart();
  await page.getByRole('button', { name: 'Export…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export notes' });
  await expect(dialog.getByText(`Kept current: ${folder}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const fileOf = () => readdirSync(folder).filter((n) => n.endsWith('.md'));
  await expect.poll(fileOf).toHaveLength(1);
  const file = path.join(folder, fileOf()[0]!);
  expect(readFileSync(file, 'utf8')).toContain(PASSAGE);
  writeFileSync(file, readFileSync(file, 'utf8') + MINE);

  await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await page
    .getByRole('list', { name: /Highlights/ })
    .getByText(PASSAGE)
    .click();
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await editor.getByLabel('Note (Markdown)').fill('Ghi chú viết sau khi xuất');
  await editor.getByLabel('Note (Markdown)').press('Control+Enter');

  await expect
    .poll(() => readFileSync(file, 'utf8'), { timeout: 15_000 })
    .toContain('Ghi chú viết sau khi xuất');
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith(MINE)).toBe(true);
  expect(text.match(/<!-- gloss:start/g)).toHaveLength(1);
  expect(fileOf()).toHaveLength(1);
});

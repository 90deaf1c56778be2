import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fixtureFile, importThroughUi, openSample, selectText, SIZES } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';
const NOTE = '## Vì sao\n\n- một ý\n- hai ý\n\n> lời trích của tôi';

/** Exports the whole library as Markdown files with the dialog's choices; returns the files by name. */
async function exportLibrary(page: Page, choices: { includeEmpty?: boolean; marker?: string }) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('combobox', { name: 'What' }).selectOption({ label: 'Whole library' });
  await dialog.getByRole('checkbox', { name: /One combined file/ }).uncheck();
  if (choices.includeEmpty) await dialog.getByRole('checkbox', { name: /Include articles without/ }).check();
  if (choices.marker) {
    await dialog
      .getByRole('combobox', { name: 'Colour of each highlight' })
      .selectOption({ label: choices.marker });
  }
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  const bytes = readFileSync(await file.path());
  // One file comes as itself, several as one zip.
  if (file.suggestedFilename().endsWith('.md')) return { [file.suggestedFilename()]: bytes.toString('utf8') };
  expect(file.suggestedFilename()).toBe('Gloss export.zip');
  const entries = unzipSync(bytes);
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

for (const size of SIZES) {
  test.describe(`Markdown export at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('one file per article in a zip, unannotated articles left out unless asked, notes as the user wrote them', async ({
      gloss,
    }, testInfo) => {
      const { page } = gloss;
      await importThroughUi(
        page,
        fixtureFile(testInfo.outputDir, 'chua-doc.txt', 'Chưa đọc\n\nChưa có ghi chú.'),
      );
      await openSample(page);
      await selectText(page, PASSAGE);
      await page.keyboard.press('3');
      const editor = page.getByRole('region', { name: 'Selected highlight' });
      await editor.getByLabel('Note (Markdown)').fill(NOTE);
      await editor.getByLabel('Note (Markdown)').press('Control+Enter');
      await expect(
        page.getByRole('list', { name: /Highlights/ }).getByRole('heading', { name: 'Vì sao' }),
      ).toBeVisible();
      await page.getByRole('button', { name: '← Library' }).click();

      const files = await exportLibrary(page, {});
      const names = Object.keys(files);
      expect(names).toHaveLength(1);
      const text = files[names[0]!]!;
      expect(text).toContain(`\n${NOTE}\n`);
      expect(text).toContain('\n🟩 · [Open in Gloss](gloss://article/');
      expect(text).not.toContain('Colour:');

      const all = await exportLibrary(page, { includeEmpty: true, marker: 'In words (Colour: yellow)' });
      expect(Object.keys(all).sort()).toEqual([names[0], 'Chưa đọc.md'].sort());
      expect(all[names[0]!]).toContain('\nColour: green · [Open in Gloss](gloss://article/');
    });
  });
}

import { expect, test } from './fixtures';
import { SAMPLE, SAMPLE_TITLE } from './helpers';
import { untranslatedText } from './chrome-text';

test.use({ locale: 'en-XA' });

test('in the pseudo-locale, no visible word of the library, reader, panels or dialogs is left untranslated', async ({
  gloss,
}) => {
  const { page } = gloss;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await expect(page.locator('.empty-state')).toBeVisible();
  expect(await untranslatedText(page), 'empty library').toEqual([]);

  const chooser = page.waitForEvent('filechooser');
  await page.locator('.empty-state button').click();
  await (await chooser).setFiles(SAMPLE);
  await expect(page.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  expect(await untranslatedText(page), 'library with an article').toEqual([]);

  await page.locator('.row-actions button').nth(1).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await untranslatedText(page), 'delete dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await expect(page.locator('.article-body')).toContainText('Sáng 31-3');
  // A highlight with a note and a tag, made with the keyboard and the panel.
  const passage = 'muốn đổi mới phương thức lãnh đạo của Đảng';
  await page.locator('.article-body').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      n.parentElement!.scrollIntoView({ block: 'center' });
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      root.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
      return;
    }
  }, passage);
  await expect(page.locator('.selection-toolbar')).toBeVisible();
  expect(await untranslatedText(page), 'selection toolbar').toEqual([]);
  await page.locator('.selection-toolbar button:not(.swatch)').first().click();
  const editor = page.locator('.annotation-editor');
  await editor.locator('textarea').fill('Ghi chú');
  await editor.locator('input[list="known-tags"]').fill('đổi mới');
  await editor.locator('button.primary').click();
  await expect(editor.locator('button.primary')).toBeDisabled();
  expect(await untranslatedText(page), 'reader with the notes panel and the editor').toEqual([]);

  await page.keyboard.press('Control+f');
  await page.locator('.find-bar input[type=search]').fill('dang');
  expect(await untranslatedText(page), 'find bar').toEqual([]);
  await page.keyboard.press('Escape');

  await page.locator('#tab-tags').click();
  await expect(page.locator('.tag-table')).toBeVisible();
  expect(await untranslatedText(page), 'tags panel').toEqual([]);
  await page.locator('#tab-contents').click();
  expect(await untranslatedText(page), 'contents panel').toEqual([]);

  await page.locator('[aria-controls="display-settings"]').click();
  await expect(page.locator('#display-settings')).toBeVisible();
  expect(await untranslatedText(page), 'display settings').toEqual([]);
  await page.keyboard.press('Escape');

  await page.locator('.reader-actions button').nth(2).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await untranslatedText(page), 'export dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await page.locator('.search input[type=search]').fill('lanh dao');
  await expect(page.locator('.search-results [role=status]')).toBeVisible();
  expect(await untranslatedText(page), 'search results').toEqual([]);
});

import { expect, test } from './fixtures';
import { openSample, selectText, SIZES } from './helpers';

const FIRST = 'muốn đổi mới phương thức lãnh đạo của Đảng';
const SECOND = 'Lương Nguyễn Minh Triết';

for (const size of SIZES) {
  test.describe(`keeps what the user typed at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ gloss }) => gloss.page.setViewportSize(size));

    test('Add tags and Add note put the cursor in their field; Enter saves tags; a draft survives switching highlights', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await openSample(page);
      const selection = page.getByRole('toolbar', { name: 'Highlight selection' });
      const editor = page.getByRole('region', { name: 'Selected highlight' });

      await selectText(page, FIRST);
      await selection.getByRole('button', { name: 'Add tags' }).click();
      await expect(editor.getByLabel('Tags (comma-separated)')).toBeFocused();
      await page.keyboard.type('bài học, lãnh đạo');
      await page.keyboard.press('Enter');
      const list = page.getByRole('list', { name: /Highlights/ });
      await expect(list).toContainText('#lãnh đạo');

      await selectText(page, SECOND);
      await selection.getByRole('button', { name: 'Add note' }).click();
      await expect(editor.getByLabel('Note (Markdown)')).toBeFocused();
      await page.keyboard.type('Nháp chưa lưu');
      // Straight to the other highlight, before any pause: the draft is saved, not dropped.
      await page.getByRole('button', { name: `Highlight: ${FIRST}` }).click();
      await expect(editor).toContainText(FIRST);
      await expect(list).toContainText('Nháp chưa lưu');
      await page.getByRole('button', { name: `Highlight: ${SECOND}` }).click();
      await expect(editor.getByLabel('Note (Markdown)')).toHaveValue('Nháp chưa lưu');
    });

    test('Ctrl+Enter saves a note; Escape asks before it discards a draft', async ({ gloss }) => {
      const { page } = gloss;
      await openSample(page);
      await selectText(page, FIRST);
      await page
        .getByRole('toolbar', { name: 'Highlight selection' })
        .getByRole('button', { name: 'Add note' })
        .click();
      const editor = page.getByRole('region', { name: 'Selected highlight' });
      const note = editor.getByLabel('Note (Markdown)');
      await expect(note).toBeFocused();
      await page.keyboard.type('Đã lưu');
      await page.keyboard.press('Control+Enter');
      await expect(editor.getByRole('status')).toContainText('All changes saved');
      await expect(page.getByRole('list', { name: /Highlights/ })).toContainText('Đã lưu');

      await note.press('End');
      await page.keyboard.type(' và nháp');
      await page.keyboard.press('Escape');
      const ask = page.getByRole('alertdialog', { name: 'Discard changes to the note?' });
      await expect(ask).toBeVisible();
      await ask.getByRole('button', { name: 'Keep editing' }).click();
      await expect(note).toHaveValue('Đã lưu và nháp');
      await expect(note).toBeFocused();
      await page.keyboard.press('Escape');
      await ask.getByRole('button', { name: 'Discard changes' }).click();
      await expect(note).toHaveValue('Đã lưu');
    });
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

const PROTECTED = path.resolve(
  import.meta.dirname,
  '../src/main/services/import/fixtures/son-tra-protected.pdf',
);
const PASSWORD = 'đà nẵng 2026';
const TITLE = 'Đoàn khảo sát làm việc với Đảng bộ Q. Sơn Trà';

/** Every file under `dir`, as bytes. */
const filesUnder = (dir: string): Buffer[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)));

test('a password-protected PDF: Cancel imports nothing, a wrong password is said, the right one imports it', async ({
  gloss,
}) => {
  test.setTimeout(120_000);
  let page = gloss.page;
  await importThroughUi(page, PROTECTED);
  let dialog = page.getByRole('dialog', { name: 'Password-protected PDF' });
  await expect(dialog).toContainText('“son-tra-protected.pdf” is protected by a password');
  // The field has the focus; Escape cancels.
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').first()).toContainText('1 failed: “son-tra-protected.pdf”');
  await expect(
    page.getByText('“son-tra-protected.pdf” was not imported: it needs its password.'),
  ).toBeVisible();
  expect(readdirSync(path.join(gloss.libraryDir, 'articles'), { withFileTypes: true })).toEqual([]);

  await importThroughUi(page, PROTECTED);
  dialog = page.getByRole('dialog', { name: 'Password-protected PDF' });
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('sai mật khẩu');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('That password does not open it. Try again.');
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: TITLE, exact: true })).toBeVisible();
  for (const file of filesUnder(gloss.libraryDir)) expect(file.includes(Buffer.from(PASSWORD))).toBe(false);

  // After a restart the reader asks again to draw the pages; the text was kept.
  page = await gloss.restart();
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Password-protected PDF' });
  await expect(dialog).toContainText(`“${TITLE}” is protected by a password`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('The pages are not shown: the PDF needs its password.');
  await page.getByRole('button', { name: 'Enter the password' }).click();
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('sai');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('That password does not open it. Try again.');
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  const first = page.getByRole('region', { name: 'Page 1' });
  await expect(first.locator('.textLayer')).toContainText('Sơn Trà');
  await expect(first.locator('canvas')).toBeVisible();
});

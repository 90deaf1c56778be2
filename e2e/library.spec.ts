import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importThroughUi, SAMPLE, SAMPLE_TITLE } from './helpers';

test('imports the Vietnamese sample and shows its title, byline and text', async ({ gloss }) => {
  const { page } = gloss;
  await importThroughUi(page, SAMPLE);
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  await expect(articles).toContainText('Lê Anh Tuấn');
  await articles.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  const article = page.getByRole('article', { name: 'Article text' });
  await expect(article).toContainText(
    'Ban Chỉ đạo xây dựng Đề án “Tổng kết 15 năm thực hiện Nghị quyết T.Ư 5',
  );
});

test('reports a bad file by name and keeps the library as it was', async ({ gloss }) => {
  const { page } = gloss;
  const fake = path.join(gloss.libraryDir, '..', `fake-${Date.now()}.txt`);
  writeFileSync(
    fake,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
  );
  await importThroughUi(page, [SAMPLE, fake]);
  await expect(page.getByRole('region', { name: 'Import' })).toContainText(path.basename(fake));
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('re-importing the same article reports a duplicate instead of adding it', async ({ gloss }) => {
  const { page } = gloss;
  await importThroughUi(page, SAMPLE);
  await expect(page.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  await importThroughUi(page, SAMPLE);
  await expect(page.getByRole('region', { name: 'Import' })).toContainText('already in the library');
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('edits details, filters by tag, deletes with confirmation and undoes the deletion', async ({
  gloss,
}) => {
  const { page } = gloss;
  await importThroughUi(page, SAMPLE);
  await page.getByRole('button', { name: `Edit details of ${SAMPLE_TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit article details' });
  await dialog.getByLabel('Title').fill('Sơn Trà khảo sát');
  await dialog.getByLabel('Tags (comma-separated)').fill('chính trị, Đà Nẵng');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Sơn Trà khảo sát', exact: true })).toBeVisible();

  await page.getByLabel('Filter articles').fill('son tra');
  await expect(page.getByRole('button', { name: 'Sơn Trà khảo sát', exact: true })).toBeVisible();
  await page.getByLabel('Filter articles').fill('');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('Đà Nẵng');
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete Sơn Trà khảo sát' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete article' }).click();
  await expect(page.getByRole('button', { name: 'Sơn Trà khảo sát', exact: true })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Sơn Trà khảo sát', exact: true })).toBeVisible();
});

/**
 * Imports the sample, then reloads the library with the app's code held back, so the first screen is the
 * one drawn before it; the app starts when the returned function is called.
 */
async function reloadWithAppHeld(page: Page): Promise<() => void> {
  await importThroughUi(page, SAMPLE);
  await expect(page.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  return release;
}

test('shows the first rows before the app has loaded, then the app takes them over with focus kept', async ({
  gloss,
}) => {
  const { page } = gloss;
  // The app's code is held back until the rows have been seen and used.
  const release = await reloadWithAppHeld(page);
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  await expect(articles.getByRole('progressbar', { name: `Read 0% of ${SAMPLE_TITLE}` })).toBeVisible();
  await expect(page.getByLabel('Choose files to import')).toHaveCount(0);
  const remove = page.getByRole('button', { name: `Delete ${SAMPLE_TITLE}` });
  await remove.focus();

  release();
  // The app's own file picker is there once it has taken over; focus is on its Delete button.
  await expect(page.getByLabel('Choose files to import')).toBeAttached();
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText(SAMPLE_TITLE);
});

test('a title clicked before the app has taken the first screen over opens its article', async ({
  gloss,
}) => {
  const { page } = gloss;
  // The app's code is held back until the rows have been seen and used.
  const release = await reloadWithAppHeld(page);
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: SAMPLE_TITLE, exact: true })
    .click();
  release();
  await expect(page.getByRole('article', { name: 'Article text' })).toContainText('Sáng 31-3');
});

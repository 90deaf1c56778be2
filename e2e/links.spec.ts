import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSample, selectText, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

/** Opens the web host's address for a gloss:// link in a fresh page load, as a link handed to Gloss would. */
async function openLink(page: Page, url: string, link: string): Promise<void> {
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token');
  await page.goto('about:blank');
  await page.goto(`${new URL(url).origin}/#/${link.slice('gloss://'.length)}&token=${token}`);
}

test('a highlight opened from its link; a deleted one or an unknown article opens Gloss with a notice', async ({
  gloss,
}) => {
  test.slow();
  const { page } = gloss;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSample(page);
  await selectText(page, PASSAGE);
  await page.keyboard.press('2');
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await editor.getByRole('button', { name: 'Copy link to highlight' }).click();
  await expect(page.getByText('Copied the link to this highlight.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^gloss:\/\/article\/[0-9a-f-]{36}\?h=[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: '← Library' }).click();

  await openLink(page, gloss.url!, link);
  await expect(page.getByRole('toolbar', { name: 'Reader' })).toContainText(SAMPLE_TITLE);
  await expect(page.getByRole('region', { name: 'Selected highlight' })).toContainText(PASSAGE);

  await page
    .getByRole('region', { name: 'Selected highlight' })
    .getByRole('button', { name: 'Delete highlight' })
    .click();
  await expect(page.getByRole('region', { name: 'Selected highlight' })).toHaveCount(0);
  await page.getByRole('button', { name: '← Library' }).click();
  await openLink(page, gloss.url!, link);
  await expect(page.getByRole('alert')).toContainText('The highlight this link leads to is no longer in');
  await expect(page.getByRole('toolbar', { name: 'Reader' })).toContainText(SAMPLE_TITLE);

  await openLink(page, gloss.url!, 'gloss://article/3b241101-e2bb-4255-8caf-4136c566a962');
  await expect(
    page.getByRole('alert').filter({ hasText: 'That article is not in the library.' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Articles' })).toBeVisible();
});

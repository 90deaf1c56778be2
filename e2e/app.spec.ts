import { expect, test } from './fixtures';

test('opens on an empty library that invites an import', async ({ gloss }) => {
  const { page } = gloss;
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByText('Your library is empty')).toBeVisible();
  await expect(page.getByRole('button', { name: /Import articles/ })).toBeVisible();
});

test('talks to its services: the status bar shows the version and library folder', async ({ gloss }) => {
  const status = gloss.page.getByRole('contentinfo', { name: 'Status' });
  await expect(status).toContainText(/Gloss \d+\.\d+\.\d+/);
  await expect(status).toContainText(gloss.libraryDir);
});

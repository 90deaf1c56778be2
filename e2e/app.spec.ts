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

test('names the host that serves it', async ({ gloss }, testInfo) => {
  const info = await gloss.page.evaluate(async () => {
    const bridge = (window as { gloss?: { getAppInfo(params: object): Promise<unknown> } }).gloss;
    if (bridge) return bridge.getAppInfo({});
    const response = await fetch('/api/getAppInfo', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Gloss-Token': sessionStorage.getItem('gloss.token') ?? '',
      },
      body: '{}',
    });
    return response.json();
  });
  expect(info).toMatchObject({
    ok: true,
    value: { host: testInfo.project.name === 'electron' ? 'electron' : 'web' },
  });
});

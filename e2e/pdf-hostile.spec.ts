import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CANARY, HOSTILE_TEXT, hostilePdfs } from '../src/main/services/import/fixtures/hostile-pdfs';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

test('hostile PDFs (scripts, actions, XFA, a FontMatrix payload): nothing runs, opens or is fetched, and their text is readable', async ({
  gloss,
}) => {
  test.setTimeout(300_000);
  const { page } = gloss;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-hostile-'));
  const files = Object.entries(hostilePdfs()).map(([name, bytes]) => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  });
  const outside: string[] = [];
  const dialogs: string[] = [];
  const popups: string[] = [];
  const origin = new URL(page.url()).origin;
  page.on('request', (r) => void (r.url().startsWith(origin) || outside.push(r.url())));
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  page.context().on('page', (p) => void popups.push(p.url()));

  await importThroughUi(page, files);
  const articles = page.getByRole('list', { name: 'Articles' });
  // Seven files, each converted in a fresh worker: slow machines need more than the default wait.
  await expect(articles.getByRole('listitem')).toHaveCount(files.length, { timeout: 90_000 });
  for (const name of Object.keys(hostilePdfs())) {
    await articles.getByRole('button', { name: name.replace(/\.pdf$/, ''), exact: true }).click();
    await expect(page.locator('.textLayer').first()).toContainText(HOSTILE_TEXT);
    await expect(page.locator('.pdf-canvas').first()).toBeVisible();
    // No script from the file ran in the page (the XFA form's, the FontMatrix payload's).
    expect(await page.evaluate((name) => name in window, CANARY)).toBe(false);
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(articles).toBeVisible();
  }
  expect({ outside, dialogs, popups }).toEqual({ outside: [], dialogs: [], popups: [] });
});

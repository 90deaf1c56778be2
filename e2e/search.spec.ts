import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { annotate, importThroughUi, openSample, SAMPLE, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';
const OTHER = 'Lương Nguyễn Minh Triết';

/** Types a query into the library search box, replacing what was there, and returns the results region. */
async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await box.fill(query);
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText(/results?$/);
  return results;
}

test('Ctrl+K searches the library without accents and opens the article at the hit', async ({ gloss }) => {
  const { page } = gloss;
  // Short enough that the start and the end of the sample are never on screen together.
  await page.setViewportSize({ width: 1280, height: 420 });
  await openSample(page);
  const article = page.getByRole('article', { name: 'Article text' });
  const opening = article.getByText(/^Sáng 31-3/);
  const ending = article.getByText(/^Đồng chí Nguyễn Quang Dương cũng mạnh/);
  // Read to the end first, so opening the article where it was left would show the end, not the hit.
  await article.hover();
  await page.mouse.wheel(0, 10_000);
  await expect(ending).toBeInViewport();
  await expect(opening).not.toBeInViewport();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await page.keyboard.type('da nang');

  const results = page.getByRole('region', { name: 'Search results' });
  const group = results.getByRole('region', { name: SAMPLE_TITLE });
  await expect(group.getByRole('heading', { name: SAMPLE_TITLE })).toBeVisible();
  const hit = group.getByRole('button', { name: /^Text .*Đà Nẵng/ }).first();
  await expect(hit.locator('mark').first()).toHaveText('Đà Nẵng');

  await hit.click();
  await expect(results).toHaveCount(0);
  await expect(opening).toBeInViewport();
  await expect(opening).toContainText('(TP Đà Nẵng)');
  await expect(ending).not.toBeInViewport();
});

test('a note found by searching opens its article with that highlight selected', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await annotate(page, PASSAGE, { note: 'ghi chú đặc biệt', tags: 'bài học' });
  await annotate(page, OTHER, { note: 'người chủ trì', tags: 'nhân vật' });
  await page.getByRole('button', { name: '← Library' }).click();

  const results = await search(page, 'ghi chu');
  const note = results
    .getByRole('region', { name: SAMPLE_TITLE })
    .getByRole('button', { name: /^Note ghi chú đặc biệt/ });
  await expect(note.locator('mark')).toHaveText('ghi chú');
  await note.click();

  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await expect(editor.getByRole('blockquote')).toHaveText(PASSAGE);
  await expect(editor.getByLabel('Note (Markdown)')).toHaveValue('ghi chú đặc biệt');
  await expect(editor.getByLabel('Tags (comma-separated)')).toHaveValue('bài học');
  await expect(page.getByRole('article', { name: 'Article text' }).locator('mark.hl-yellow')).toHaveText([
    OTHER,
    PASSAGE,
  ]);
});

test('tag: narrows the results to the highlights carrying that tag', async ({ gloss }) => {
  const { page } = gloss;
  await importThroughUi(page, SAMPLE);
  await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await annotate(page, PASSAGE, { note: 'ghi chú đặc biệt', tags: 'bài học' });
  await annotate(page, OTHER, { note: 'người chủ trì', tags: 'nhân vật' });

  const everything = await search(page, 'dang');
  await expect(everything.getByRole('button', { name: /^Highlight/ })).not.toHaveCount(0);
  await expect(everything.getByRole('button', { name: /^Text/ })).not.toHaveCount(0);

  const tagged = await search(page, 'tag:"bai hoc"');
  await expect(tagged.getByRole('status')).toHaveText('1 result');
  const hits = tagged.getByRole('listitem');
  await expect(hits).toHaveCount(1);
  await expect(hits.getByRole('button')).toContainText(PASSAGE);
  await expect(tagged).not.toContainText(OTHER);

  // "Minh Triết" is in the article text too; the tag keeps only the highlight.
  const both = await search(page, 'minh triet tag:"nhân vật"');
  await expect(both.getByRole('listitem')).toHaveCount(1);
  await expect(both.getByRole('listitem')).toContainText(OTHER);
  await both.getByRole('button', { name: new RegExp(OTHER) }).click();
  await expect(page.getByRole('region', { name: 'Selected highlight' }).getByRole('blockquote')).toHaveText(
    OTHER,
  );
});

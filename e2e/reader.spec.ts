import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { annotate, importThroughUi, openSample, SAMPLE, selectText, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

test('highlights a selected passage, adds a note and two tags, and restores them after a restart', async ({
  gloss,
}) => {
  let page = gloss.page;
  await openSample(page);
  await selectText(page, PASSAGE);
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: 'Add note' })
    .click();

  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await expect(editor).toContainText(PASSAGE);
  await editor.getByLabel('Note (Markdown)').fill('Bài học **quan trọng**');
  await editor.getByLabel('Tags (comma-separated)').fill('bài học, lãnh đạo');
  await editor.getByRole('button', { name: 'Save' }).click();

  const article = page.getByRole('article', { name: 'Article text' });
  await expect(article.locator('mark.hl-yellow')).toHaveText(PASSAGE);
  const list = page.getByRole('list', { name: /Highlights/ });
  await expect(list).toContainText('#bài học');
  await expect(list).toContainText('#lãnh đạo');
  await expect(list.locator('strong')).toHaveText('quan trọng');

  page = await gloss.restart();
  await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await expect(page.getByRole('article', { name: 'Article text' }).locator('mark.hl-yellow')).toHaveText(
    PASSAGE,
  );
  const restored = page.getByRole('list', { name: /Highlights/ });
  await expect(restored).toContainText('#bài học');
  await expect(restored).toContainText('#lãnh đạo');
  await expect(restored).toContainText('Bài học quan trọng');
});

test('a highlight spanning two paragraphs stores exactly the selected text', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  // The second caption line ends one paragraph; "Các đồng chí" starts the next.
  await selectText(page, 'tại buổi làm việc.Các đồng chí');
  await page.keyboard.press('4');
  const marks = page.getByRole('article', { name: 'Article text' }).locator('mark.hl-blue');
  await expect(marks).toHaveText(['tại buổi làm việc.', 'Các đồng chí']);
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  const quote = await editor.getByRole('blockquote').evaluate((el) => el.textContent);
  expect(quote).toBe('tại buổi làm việc.\n\nCác đồng chí');
});

test('find is accent-insensitive: "dang" finds Đảng, đang and dạng, and counts them', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await find.fill('dang');
  const status = page.getByRole('search', { name: 'Find in article' }).getByRole('status');
  // Every Đảng/đảng/đang/dạng/... in the sample, counted independently on the source text.
  const expected = await page.evaluate(async () => {
    const text = document.querySelector('[aria-label="Article text"]')?.textContent ?? '';
    return (
      text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().match(/dang/g) ?? []
    ).length;
  });
  expect(expected).toBeGreaterThan(10);
  await expect(status).toHaveText(`1 / ${expected}`);
  await find.press('Enter');
  await expect(status).toHaveText(`2 / ${expected}`);
  await find.press('Shift+Enter');
  await expect(status).toHaveText(`1 / ${expected}`);
  await expect(page.getByRole('article', { name: 'Article text' }).locator('mark.find-current')).toHaveText(
    /đ|Đ|d/,
  );
  await page.getByRole('checkbox', { name: 'Match accents' }).check();
  await expect(status).not.toHaveText(`1 / ${expected}`);
  await find.press('Escape');
  await expect(find).toHaveCount(0);
});

test('deleting a highlight can be undone with Ctrl+Z', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await selectText(page, PASSAGE);
  await page.keyboard.press('2');
  const mark = page.getByRole('article', { name: 'Article text' }).locator('mark.hl-red');
  await expect(mark).toHaveText(PASSAGE);
  await page
    .getByRole('region', { name: 'Selected highlight' })
    .getByRole('button', { name: 'Delete highlight' })
    .click();
  await expect(mark).toHaveCount(0);
  await expect(page.getByText('Highlight deleted. Press Ctrl+Z to undo.')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/^Undid: highlight “muốn đổi mới .*” deleted\.$/)).toBeVisible();
  await page.getByRole('button', { name: `Highlight: ${PASSAGE}` }).click();
  await expect(mark).toHaveText(PASSAGE);
});

test('the tag panel filters the notes panel by tag', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await annotate(page, PASSAGE, { tags: 'bài học' });
  await annotate(page, 'Lương Nguyễn Minh Triết', { tags: 'nhân vật' });
  const list = page.getByRole('list', { name: /Highlights/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Tags' }).click();
  await page.getByRole('button', { name: 'Show highlights tagged nhân vật' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Lương Nguyễn Minh Triết');
});

test('a long article reopens where it was left with its highlights, then offers all of them', async ({
  gloss,
}, testInfo) => {
  // 480 numbered paragraphs: more than the reader renders at once, so it opens from an excerpt.
  const [, ...paragraphs] = readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const body = Array.from({ length: 480 }, (_, i) => `Đoạn ${i + 1}. ${paragraphs[i % paragraphs.length]}`);
  const file = testInfo.outputPath('sach-dai.txt');
  writeFileSync(file, ['Sách dài về Sơn Trà', ...body].join('\n\n'));
  const title = 'Sách dài về Sơn Trà';

  let page = gloss.page;
  await importThroughUi(page, file);
  await page.getByRole('button', { name: title, exact: true }).click();
  await annotate(page, 'Đoạn 3.', { note: 'gần đầu' });
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await find.fill('Đoạn 420.');
  await expect(page.getByRole('search', { name: 'Find in article' }).getByRole('status')).toHaveText('1 / 1');
  await find.press('Escape');
  await annotate(page, 'Đoạn 420.', { note: 'gần cuối' });
  await page.getByRole('button', { name: '← Library' }).click();

  page = await gloss.restart();
  await page.getByRole('button', { name: title, exact: true }).click();
  const article = page.getByRole('article', { name: 'Article text' });
  // Back at paragraph 420, its highlight painted, without scrolling.
  await expect(article.locator('mark.hl-yellow', { hasText: 'Đoạn 420.' })).toBeInViewport();
  // Then the whole article arrives: every highlight is listed and find searches all of the text.
  await expect(article).toHaveAttribute('aria-busy', 'false');
  const list = page.getByRole('list', { name: /Highlights/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('gần đầu');
  await expect(list).toContainText('gần cuối');
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in article' }).fill('doan 3.');
  await expect(page.getByRole('search', { name: 'Find in article' }).getByRole('status')).toHaveText('1 / 1');
  await expect(article.locator('mark.find-current')).toBeInViewport();
  await expect(article.locator('mark.hl-yellow', { hasText: 'Đoạn 3.' })).toBeInViewport();
});

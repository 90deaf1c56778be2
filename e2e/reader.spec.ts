import { expect, test } from './fixtures';
import { annotate, openSample, selectText, SAMPLE_TITLE } from './helpers';

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
  await expect(page.getByText('Undid delete highlight.')).toBeVisible();
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

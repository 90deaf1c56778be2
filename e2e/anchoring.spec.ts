import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { annotate, openSample, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';
const NOTE = 'Bài học chính của quận';
/** The paragraph that holds PASSAGE starts with these words. */
const PASSAGE_PARAGRAPH = 'Tại buổi làm việc, Bí thư Quận ủy Sơn Trà';
const NEW_PARAGRAPH = 'Đoạn mới: phóng viên bổ sung bối cảnh của buổi làm việc.';

/** The imported copy of the sample inside the library, which the user may edit with any editor. */
function copyOf(libraryDir: string): string {
  return path.join(libraryDir, 'articles', 'son-tra-khao-sat.txt');
}

/** Rewrites the imported copy on disk, as another program would while Gloss runs. */
function editCopy(libraryDir: string, edit: (text: string) => string): void {
  const file = copyOf(libraryDir);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

test('a highlight follows its passage when the article file is edited on disk', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await annotate(page, PASSAGE, { note: NOTE });
  await expect(page.getByRole('list', { name: /Highlights/ })).toContainText(NOTE);
  const article = page.getByRole('article', { name: 'Article text' });
  await expect(article.locator('mark.hl-yellow')).toHaveText(PASSAGE);

  editCopy(gloss.libraryDir, (text) =>
    text
      .replace(PASSAGE_PARAGRAPH, `${NEW_PARAGRAPH}\n\n${PASSAGE_PARAGRAPH}`)
      .replace('Đồng chí Nguyễn Quang Dương cũng mạnh:', 'Đồng chí Nguyễn Quang Dương cũng nhấn mạnh:'),
  );

  await expect(article.getByText(NEW_PARAGRAPH, { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(article).toContainText('cũng nhấn mạnh:');
  await expect(
    page.getByText(/changed on disk: 1 of 1 highlights placed\. 1 moved with its text\./),
  ).toBeVisible();
  await expect(page.getByText(/matched approximately|could not be placed/)).toHaveCount(0);

  const list = page.getByRole('list', { name: /Highlights/ });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /could not be placed/ })).toHaveCount(0);
  await list.getByRole('button', { name: `Highlight: ${PASSAGE}` }).click();
  await expect(article.locator('mark.hl-yellow')).toHaveText(PASSAGE);
  await expect(article.locator('mark.hl-yellow')).toBeInViewport();
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await expect(editor.getByRole('blockquote')).toHaveText(PASSAGE);
  await expect(editor.getByLabel('Note (Markdown)')).toHaveValue(NOTE);

  // The mark sits in the passage's own paragraph, which now comes right after the new one.
  const paragraph = article.getByText(new RegExp(`^${PASSAGE_PARAGRAPH}`));
  await expect(paragraph.locator('mark.hl-yellow')).toHaveText(PASSAGE);
});

test('a highlight whose passage is deleted from the file is kept and listed as not placed', async ({
  gloss,
}) => {
  let page = gloss.page;
  await openSample(page);
  await annotate(page, PASSAGE, { note: NOTE });
  await expect(page.getByRole('list', { name: /Highlights/ })).toContainText(NOTE);
  const sentence = `Trong đó, ${PASSAGE}, trước hết cần đổi mới phương pháp, nâng cao chất lượng ra quyết định của cấp ủy đảm bảo kịp thời, chính xác, hiệu quả thực sự đi vào đời sống. `;

  editCopy(gloss.libraryDir, (text) => text.replace(sentence, ''));

  const article = page.getByRole('article', { name: 'Article text' });
  await expect(article).not.toContainText('trước hết cần đổi mới phương pháp', { timeout: 15_000 });
  await expect(article.locator('mark.hl-yellow')).toHaveCount(0);
  const orphans = page.getByRole('region', { name: '1 highlight could not be placed' });
  await expect(orphans).toContainText(PASSAGE);
  await expect(orphans).toContainText(NOTE);
  await expect(page.getByRole('list', { name: /Highlights/ }).getByRole('listitem')).toHaveCount(0);

  page = await gloss.restart();
  await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  const kept = page.getByRole('region', { name: '1 highlight could not be placed' });
  await expect(kept).toContainText(PASSAGE);
  await expect(kept).toContainText(NOTE);

  // It goes only when the user says so.
  await kept.getByRole('button', { name: `Highlight: ${PASSAGE}` }).click();
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await expect(editor.getByRole('blockquote')).toHaveText(PASSAGE);
  await editor.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(kept).toHaveCount(0);
});

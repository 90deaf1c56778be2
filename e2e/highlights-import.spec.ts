import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { importThroughUi, SAMPLE, SAMPLE_TITLE } from './helpers';

const ADDED = 'Đã thêm vào Chủ Nhật, ngày 3 tháng 3 năm 2019 22:15:37';

/** Vietnamese-localised Kindle clippings: one quote of the sample, one of another book. */
const CLIPPINGS = [
  `${SAMPLE_TITLE} (Lê Anh Tuấn)`,
  `- Đoạn tô sáng của bạn ở vị trí 40-42 | ${ADDED}`,
  '',
  'Bí thư Quận ủy Sơn Trà Trần Thắng Lợi cho biết',
  '==========',
  'Số đỏ (Vũ Trọng Phụng)',
  `- Đoạn tô sáng của bạn ở trang 12 | vị trí 170-172 | ${ADDED}`,
  '',
  'Bà Phó Đoan là một người đàn bà goá chồng.',
  '==========',
  '',
].join('\r\n');

test('imports Kindle clippings with the import button: anchored in the sample, the rest a highlights-only entry', async ({
  gloss,
}) => {
  const { page } = gloss;
  await importThroughUi(page, SAMPLE);
  await expect(page.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  const clippings = path.join(gloss.libraryDir, '..', 'My Clippings.txt');
  writeFileSync(clippings, `\uFEFF${CLIPPINGS}`);
  await importThroughUi(page, clippings);
  await expect(page.getByRole('region', { name: 'Import' })).toContainText(
    '1 highlight anchored in articles of the library, 1 kept as highlights only',
  );
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('button', { name: 'Số đỏ', exact: true })).toBeVisible();
  await articles.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Highlights (1)' })).toBeVisible();
});

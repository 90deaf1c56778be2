import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { column, makePdf, type PageSpec } from '../src/main/services/import/fixtures/make-pdf';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

const TITLE = 'Sổ tay Sơn Trà';
const CHAPTERS = ['Mở đầu', 'Bán đảo', 'Rừng nguyên sinh', 'Voọc chà vá'];

/** Eight pages; chapter i starts at the top of page 2i, the last one halfway down page 6. */
async function book(): Promise<string> {
  const pages: PageSpec[] = Array.from({ length: 8 }, (_, i) => ({
    texts: column([`Trang ${i + 1}: đoạn văn về bán đảo Sơn Trà và khu bảo tồn.`], 72, 760),
  }));
  CHAPTERS.forEach((title, i) => {
    const page = pages[i * 2]!;
    const y = i === 3 ? 420 : 720;
    page.texts.push({ text: `${title}: chương ${i + 1}`, x: 72, y, size: 14 });
    page.texts.push(...column([`Nội dung của chương ${i + 1}.`], 72, y - 24));
  });
  pages[0]!.links = [
    { rect: [72, 600, 300, 620], to: { page: 6, top: 440 } },
    { rect: [72, 560, 300, 580], to: { uri: 'https://example.org/son-tra' } },
  ];
  pages[0]!.texts.push({ text: 'Xem chương Voọc chà vá', x: 72, y: 605 });
  pages[0]!.texts.push({ text: 'Trang web của khu bảo tồn', x: 72, y: 565 });
  const bytes = await makePdf(pages, {
    title: TITLE,
    outline: CHAPTERS.map((title, i) => ({ title, page: i * 2, top: i === 3 ? 440 : 740 })),
  });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gloss-pdf-outline-')), 'so-tay.pdf');
  writeFileSync(file, bytes);
  return file;
}

test('the PDF outline is the contents panel; its entries and the links inside pages move within the document', async ({
  gloss,
}) => {
  test.setTimeout(90_000);
  const page = gloss.page;
  await page.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { opened: string[] }).opened = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  await page.reload();
  await importThroughUi(page, await book());
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.getByRole('region', { name: 'Page 1' }).locator('.textLayer')).toContainText('Trang 1');

  await page.getByRole('tab', { name: 'Contents' }).click();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('button')).toHaveText(CHAPTERS);
  await expect(contents.getByRole('button', { name: 'Mở đầu' })).toHaveAttribute('aria-current', 'location');

  await contents.getByRole('button', { name: 'Rừng nguyên sinh' }).click();
  await expect(
    page.getByRole('region', { name: 'Page 5' }).getByText('Rừng nguyên sinh: chương 3'),
  ).toBeInViewport();
  await expect(contents.getByRole('button', { name: 'Rừng nguyên sinh' })).toHaveAttribute(
    'aria-current',
    'location',
  );

  // By keyboard: down to the next entry, Enter jumps to its heading halfway down page 7.
  await page.keyboard.press('ArrowDown');
  await expect(contents.getByRole('button', { name: 'Voọc chà vá' })).toBeFocused();
  await page.keyboard.press('Enter');
  const seventh = page.getByRole('region', { name: 'Page 7' });
  await expect(seventh.getByText('Voọc chà vá: chương 4')).toBeInViewport();
  await expect(seventh.getByText('Trang 7:')).not.toBeInViewport();

  // A link inside page 1 jumps to page 7; a web link goes to the system browser, never the reader.
  await contents.getByRole('button', { name: 'Mở đầu' }).click();
  const first = page.getByRole('region', { name: 'Page 1' });
  await first.getByRole('link', { name: 'Go to page 7' }).click();
  await expect(seventh.getByText('Voọc chà vá: chương 4')).toBeInViewport();
  await contents.getByRole('button', { name: 'Mở đầu' }).click();
  const url = page.url();
  await first.getByRole('link', { name: 'https://example.org/son-tra' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened))
    .toEqual(['https://example.org/son-tra']);
  expect(page.url()).toBe(url);
});

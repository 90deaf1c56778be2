import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';

/** The accessible names the core flows use, in each language. */
const NAMES = {
  en: {
    import: 'Import articles…',
    article: 'Article text',
    selection: 'Highlight selection',
    addNote: 'Add note',
    editor: 'Selected highlight',
    note: 'Note (Markdown)',
    tags: 'Tags (comma-separated)',
    save: 'Save',
    close: 'Close',
    find: 'Find in article',
    search: 'Search the library',
    results: 'Search results',
    count: /^\d+ results?$/,
    exportButton: 'Export…',
    exportDialog: 'Export notes',
    exportRun: 'Export',
    notesPanel: 'Side panel',
    highlightsCount: '1 highlight',
    words: ['## Highlights', 'Open in Gloss'],
  },
  vi: {
    import: 'Nhập tệp…',
    article: 'Nội dung bài',
    selection: 'Đánh dấu vùng chọn',
    addNote: 'Thêm ghi chú',
    editor: 'Đánh dấu đang chọn',
    note: 'Ghi chú (Markdown)',
    tags: 'Thẻ (cách nhau bằng dấu phẩy)',
    save: 'Lưu',
    close: 'Đóng',
    find: 'Tìm trong bài',
    search: 'Tìm trong thư viện',
    results: 'Kết quả tìm kiếm',
    count: /^\d+ kết quả$/,
    exportButton: 'Xuất…',
    exportDialog: 'Xuất ghi chú',
    exportRun: 'Xuất',
    notesPanel: 'Bảng bên',
    highlightsCount: '1 đánh dấu',
    words: ['## Đánh dấu', 'Mở trong Gloss'],
  },
} as const;

/** Drags across `text` in the article, as a person selecting it. */
async function select(page: Page, article: string, text: string): Promise<void> {
  const box = await page.getByRole('article', { name: article }).evaluate(async (root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      n.parentElement!.scrollIntoView({ block: 'center' });
      await document.fonts.ready;
      for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const [first, last] = [rects[0]!, rects[rects.length - 1]!];
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    throw new Error(`"${wanted}" is not in one text node of the article`);
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

for (const [language, locale] of [
  ['en', 'en-US'],
  ['vi', 'vi-VN'],
] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale });
    const n = NAMES[language];

    test('import, highlight with a note and tags, find, search and export by the names of the language', async ({
      gloss,
    }) => {
      const { page } = gloss;
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: n.import }).first().click();
      await (await chooser).setFiles(SAMPLE);
      await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
      await expect(page.getByRole('article', { name: n.article })).toContainText('Sáng 31-3');

      await select(page, n.article, PASSAGE);
      await page.getByRole('toolbar', { name: n.selection }).getByRole('button', { name: n.addNote }).click();
      const editor = page.getByRole('region', { name: n.editor });
      await editor.getByLabel(n.note).fill('Ghi chú **quan trọng**');
      await editor.getByLabel(n.tags).fill('đổi mới, lãnh đạo');
      await editor.getByRole('button', { name: n.save, exact: true }).click();
      await expect(editor.getByRole('button', { name: n.save, exact: true })).toBeDisabled();
      await editor.getByRole('button', { name: n.close, exact: true }).click();
      await expect(page.getByRole('complementary', { name: n.notesPanel })).toContainText('#đổi mới');

      await page.keyboard.press('Control+f');
      const find = page.getByRole('searchbox', { name: n.find });
      await find.fill('dang');
      await expect(page.getByRole('search', { name: n.find }).getByRole('status')).toHaveText(/^1 ?\/ ?\d+$/);
      await find.press('Escape');

      await page.getByRole('searchbox', { name: n.search }).fill('lanh dao');
      const results = page.getByRole('region', { name: n.results });
      await expect(results.getByRole('status')).toHaveText(n.count);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: n.exportButton }).click();
      const dialog = page.getByRole('dialog', { name: n.exportDialog });
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: n.exportRun, exact: true }).click();
      const markdown = readFileSync((await (await download).path())!, 'utf8');
      for (const word of n.words) expect(markdown).toContain(word);
      // Field names stay English: they are Obsidian properties.
      expect(markdown).toContain('\ntitle: ');
      expect(markdown).toContain('\ngloss-id: ');
    });
  });
}

test.describe('sentences from the services, in vi', () => {
  test.use({ locale: 'vi-VN' });

  test('an import result and an undo description speak Vietnamese', async ({ gloss }) => {
    const { page } = gloss;
    for (let i = 0; i < 2; i++) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: NAMES.vi.import }).first().click();
      await (await chooser).setFiles(SAMPLE);
      await expect(page.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'Nhập tệp' })).toContainText(
      `“son-tra-khao-sat.txt” đã có trong thư viện với tên “${SAMPLE_TITLE}”; không thêm gì.`,
    );

    await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
    await expect(page.getByRole('article', { name: NAMES.vi.article })).toContainText('Sáng 31-3');
    await select(page, NAMES.vi.article, PASSAGE);
    await expect(page.getByRole('toolbar', { name: NAMES.vi.selection })).toBeVisible();
    await page.keyboard.press('1');
    const article = page.getByRole('article', { name: NAMES.vi.article });
    await expect(article.locator('mark.hl-yellow')).toHaveText(PASSAGE);
    await page.getByRole('region', { name: 'Vùng đọc' }).focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByText(/^Đã hoàn tác: thêm đánh dấu “muốn đổi mới .*”\.$/)).toBeVisible();
    await expect(article.locator('mark.hl-yellow')).toHaveCount(0);
  });
});

test.describe('the language setting', () => {
  test.use({ locale: 'en-US' });

  test('switches the interface in the library and is remembered across a restart', async ({ gloss }) => {
    let { page } = gloss;
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
    await expect(page.getByRole('heading', { name: 'Thư viện' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    page = await gloss.restart();
    await expect(page.getByRole('heading', { name: 'Thư viện' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Ngôn ngữ' })).toHaveValue('vi');
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('system');
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  });
});

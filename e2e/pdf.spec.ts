import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { column, makePdf } from '../src/main/services/import/fixtures/make-pdf';
import { expect, test } from './fixtures';
import { importThroughUi } from './helpers';

const PDF = path.resolve(import.meta.dirname, '../src/main/services/import/fixtures/son-tra-libreoffice.pdf');
const TITLE = 'Đoàn khảo sát làm việc với Đảng bộ Q. Sơn Trà';
const PASSAGE = 'Đảng bộ Q. Sơn Trà (TP Đà Nẵng)';

/** Drags across `text` in the PDF's text layer, as a person selecting it. */
async function selectInPdf(
  page: Page,
  text: string,
  layer: Locator = page.locator('.textLayer').first(),
): Promise<void> {
  await expect(layer).toContainText(text.slice(0, 12));
  const box = await layer.evaluate((root, wanted) => {
    const spans = [...root.querySelectorAll<HTMLElement>('[data-run]')];
    const nodes = spans.map((s) => s.firstChild).filter((n): n is Text => n instanceof Text);
    const full = nodes.map((n) => n.data).join('');
    const at = full.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not on the page: ${JSON.stringify(full.slice(0, 400))}`);
    const locate = (offset: number) => {
      let rest = offset;
      for (const n of nodes) {
        if (rest <= n.data.length) return { node: n, offset: rest };
        rest -= n.data.length;
      }
      throw new Error('offset out of range');
    };
    const a = locate(at);
    const b = locate(at + wanted.length);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    (a.node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const [first, last] = [rects[0]!, rects.at(-1)!];
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2,
    };
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
}

test('imports a PDF, draws its page, highlights a passage with a note, and keeps it after a restart', async ({
  gloss,
}) => {
  test.setTimeout(120_000);
  let page = gloss.page;
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(page.url()).origin)) outside.push(request.url());
  });
  await importThroughUi(page, PDF);
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  const first = page.getByRole('region', { name: 'Page 1' });
  await expect(first.locator('canvas')).toBeVisible();
  // The canvas is painted: some of its pixels are dark (text).
  await expect
    .poll(() =>
      first.locator('canvas').evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++;
        return dark;
      }),
    )
    .toBeGreaterThan(1000);

  await selectInPdf(page, PASSAGE);
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: 'Add note' })
    .click();
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await editor.getByLabel('Note (Markdown)').fill('bài học kinh nghiệm');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(page.locator('.pdf-hl').first()).toBeVisible();

  page = await gloss.restart();
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toContainText(PASSAGE);
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toContainText('bài học kinh nghiệm');
  await expect(page.locator('.pdf-hl').first()).toBeVisible();
  expect(outside).toEqual([]);
});

test('finds a word in the PDF and marks the current match on its page', async ({ gloss }) => {
  const { page } = gloss;
  await importThroughUi(page, PDF);
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.locator('.textLayer').first()).toContainText('Sơn Trà');
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in article' }).fill('son tra');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(/^1 \/ \d+$/);
  await expect(page.locator('.pdf-find-current').first()).toBeVisible();
  // Going to the match scrolls the page, not the window: the app's header stays in view.
  expect((await page.getByRole('banner').boundingBox())?.y).toBe(0);
});

test('notes show each highlight page label; a search result in a PDF opens at its page with the hit marked', async ({
  gloss,
}) => {
  test.setTimeout(120_000);
  const { page } = gloss;
  const pages = [
    'Lời nói đầu của tập sách.',
    'Chương một về phường.',
    'Bán đảo Sơn Trà có rừng nguyên sinh.',
  ];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-pdf-')), 'sach.pdf');
  writeFileSync(
    file,
    await makePdf(
      pages.map((line) => ({ texts: column([line], 72, 760, 14) })),
      {
        title: 'Tập sách',
        pageLabels: [
          [0, 'r'],
          [1, 'D'],
        ],
      },
    ),
  );
  await importThroughUi(page, file);
  await page.getByRole('button', { name: 'Tập sách', exact: true }).click();
  const third = page.getByRole('region', { name: 'Page 2', exact: true });
  await third.scrollIntoViewIfNeeded();
  await selectInPdf(page, 'rừng nguyên sinh', third.locator('.textLayer'));
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: 'Highlight Yellow' })
    .click();
  await expect(page.getByRole('button', { name: 'Highlight, p. 2: rừng nguyên sinh' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search the library' }).fill('ban dao');
  const hit = page
    .getByRole('region', { name: 'Search results' })
    .getByRole('button', { name: /Text · p\. 2/ });
  await hit.click();
  const marked = page.locator('[data-page-index="2"] .pdf-find-current');
  await expect(marked.first()).toBeVisible();
  await expect(marked.first()).toBeInViewport();
});

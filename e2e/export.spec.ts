import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { column, makePdf } from '../src/main/services/import/fixtures/make-pdf';
import { expect, test } from './fixtures';
import { fixtureFile, importThroughUi, openSample, selectText, SAMPLE_TITLE } from './helpers';

const PASSAGE = 'muốn đổi mới phương thức lãnh đạo của Đảng';
const NOTE = 'Bài học về **đổi mới**';

/** Highlights PASSAGE in green with the colour key, then gives it a note and two tags. */
async function annotatePassage(page: Page): Promise<void> {
  await selectText(page, PASSAGE);
  await page.keyboard.press('3');
  await expect(page.getByRole('article', { name: 'Article text' }).locator('mark.hl-green')).toHaveText(
    PASSAGE,
  );
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  await editor.getByLabel('Note (Markdown)').fill(NOTE);
  await editor.getByLabel('Tags (comma-separated)').fill('bài học, lãnh đạo');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: /Highlights/ })).toContainText('#lãnh đạo');
}

/** Runs the export dialog with the given scope and format and returns the downloaded file's name and text. */
async function exportThroughDialog(
  page: Page,
  opener: Locator,
  scope: string,
  format: 'Markdown (Obsidian)' | 'Web Annotation JSON',
): Promise<{ name: string; text: string }> {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('combobox', { name: 'What' }).selectOption({ label: scope });
  await dialog.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  const saved = await file.path();
  await expect(dialog).toHaveCount(0);
  return { name: file.suggestedFilename(), text: readFileSync(saved, 'utf8') };
}

test('exports an article’s highlights from the reader as Obsidian Markdown', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await annotatePassage(page);

  const { name, text } = await exportThroughDialog(
    page,
    page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Export…' }),
    'This article',
    'Markdown (Obsidian)',
  );
  expect(name).toMatch(/\.md$/);
  await expect(page.getByText(`Exported “${name}”.`)).toBeVisible();

  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(frontMatter, 'the file opens with YAML front matter').not.toBeNull();
  expect(frontMatter![1]).toContain(`title: "${SAMPLE_TITLE}"`);
  expect(frontMatter![1]).toContain('source: "articles/son-tra-khao-sat.txt"');
  expect(text).toMatch(/^<!-- gloss:start id=[0-9a-f-]{36} -->$/m);
  expect(text.trimEnd().endsWith('<!-- gloss:end -->')).toBe(true);
  const body = text.slice(text.indexOf('<!-- gloss:start'));
  expect(body).toContain(`\n> ${PASSAGE}\n`);
  expect(body).toMatch(/\n\^gloss-[0-9a-f]{8}\n/);
  expect(body).toMatch(
    /\n🟩 · #bài-học #lãnh-đạo · \[Open in Gloss\]\(gloss:\/\/article\/[0-9a-f-]{36}\?h=[0-9a-f-]{36}\)\n/,
  );
  expect(body).toContain(`\n${NOTE}\n`);
  expect(body.indexOf(`> ${PASSAGE}`)).toBeLessThan(body.indexOf(NOTE));
});

test('exports the whole library as Web Annotation JSON with the passage as a TextQuoteSelector', async ({
  gloss,
}) => {
  const { page } = gloss;
  await openSample(page);
  await annotatePassage(page);
  await page.getByRole('button', { name: '← Library' }).click();

  const { name, text } = await exportThroughDialog(
    page,
    page.getByRole('button', { name: 'Export…' }),
    'Whole library',
    'Web Annotation JSON',
  );
  expect(name).toMatch(/\.json(ld)?$/);
  const collection = JSON.parse(text) as {
    type: string;
    total: number;
    first: {
      items: {
        motivation: string;
        body: { purpose: string; value: string }[];
        target: { selector: { type: string; exact?: string; prefix?: string; suffix?: string }[] };
      }[];
    };
  };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(1);
  const [annotation] = collection.first.items;
  const quote = annotation!.target.selector.find((s) => s.type === 'TextQuoteSelector');
  expect(quote?.exact).toBe(PASSAGE);
  expect(quote?.prefix?.endsWith('Trong đó, ')).toBe(true);
  expect(quote?.suffix?.startsWith(', trước hết')).toBe(true);
  expect(annotation!.target.selector.some((s) => s.type === 'TextPositionSelector')).toBe(true);
  expect(annotation!.motivation).toBe('commenting');
  expect(annotation!.body).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ purpose: 'commenting', value: NOTE }),
      expect.objectContaining({ purpose: 'tagging', value: 'bài học' }),
      expect.objectContaining({ purpose: 'tagging', value: 'lãnh đạo' }),
    ]),
  );
});

test('"Copy notes" puts the article’s notes on the clipboard as clean Markdown', async ({ gloss }) => {
  const { page } = gloss;
  await openSample(page);
  await annotatePassage(page);

  await page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Copy notes' }).click();
  await expect(page.getByText('Notes copied as Markdown.')).toBeVisible();

  // Paste it where a person would: into the article note, which shows the raw Markdown while editing.
  await page.getByRole('button', { name: 'Edit article note' }).click();
  const field = page.getByRole('textbox', { name: 'Article note (Markdown)' });
  await field.press('ControlOrMeta+v');
  const pasted = await field.inputValue();
  expect(pasted.startsWith(`# ${SAMPLE_TITLE}\n`)).toBe(true);
  expect(pasted).not.toContain('gloss:start');
  expect(pasted).not.toContain('gloss:end');
  expect(pasted).not.toContain('title:');
  expect(pasted).toContain(`> ${PASSAGE}`);
  expect(pasted).toContain(NOTE);
  expect(pasted).toContain('#bài-học #lãnh-đạo');
  expect(pasted).toMatch(/\^gloss-[0-9a-f]{8}/);
});

test('an area of a PDF page is exported as a PNG beside the note, embedded in it, from the dialog and into the export folder', async ({
  gloss,
}, testInfo) => {
  test.slow();
  let { page } = gloss;
  const lines = Array.from({ length: 30 }, (_, i) => `Bảng ${i + 1}: số liệu khảo sát bán đảo Sơn Trà`);
  const pdf = await makePdf([{ texts: column(lines, 72, 760, 12) }], { title: 'Số liệu' });
  await importThroughUi(page, fixtureFile(testInfo.outputDir, 'so-lieu.pdf', pdf));
  await page.getByRole('button', { name: 'Số liệu', exact: true }).click();
  await page.getByRole('button', { name: 'Highlight area' }).click();
  const first = page.getByRole('region', { name: 'Page 1', exact: true });
  await expect(first.locator('canvas')).toBeVisible();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(first.getByRole('button', { name: 'Area highlight, p. 1' })).toBeVisible();

  await page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Gloss export.zip');
  const entries = unzipSync(readFileSync(await file.path()));
  const images = Object.keys(entries).filter((name) => name.startsWith('attachments/'));
  expect(images).toEqual([expect.stringMatching(/^attachments\/gloss-area-[0-9a-f-]{36}\.png$/)]);
  expect(strFromU8(entries[images[0]!]!.subarray(1, 4))).toBe('PNG');
  expect(strFromU8(entries['Số liệu.md']!)).toContain(`> *Area on p. 1*\n>\n> ![[${images[0]}]]\n`);

  // Kept current in an export folder: the image lands in attachments/ beside the note.
  const folder = path.join(testInfo.outputDir, 'Vault');
  mkdirSync(folder, { recursive: true });
  const dataDir = path.join(`${gloss.libraryDir}-config`, 'Gloss');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'export-folders.json'), JSON.stringify({ [gloss.libraryDir]: folder }));
  page = await gloss.restart();
  await expect
    .poll(() => readdirSync(folder).sort(), { timeout: 15_000 })
    .toEqual(['Số liệu.md', 'attachments']);
  const onDisk = readdirSync(path.join(folder, 'attachments'));
  expect(onDisk).toEqual([images[0]!.slice('attachments/'.length)]);
  expect(readFileSync(path.join(folder, 'Số liệu.md'), 'utf8')).toContain(`![[${images[0]}]]`);
});

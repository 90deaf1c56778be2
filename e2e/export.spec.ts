import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSample, selectText, SAMPLE_TITLE } from './helpers';

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

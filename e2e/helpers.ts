import { expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The Vietnamese sample article shipped for tests. */
export const SAMPLE = path.resolve(import.meta.dirname, '../resources/samples/son-tra-khao-sat.txt');
export const SAMPLE_TITLE =
  'Đoàn khảo sát của Ban Chỉ đạo Đề án Trung ương 6 làm việc với Đảng bộ Q. Sơn Trà';

/** Imports files the way a person does: the Import button, then the file chooser. */
export async function importThroughUi(page: Page, files: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import articles…' }).first().click();
  await (await chooser).setFiles(files);
}

/** Imports the sample and opens it in the reader. */
export async function openSample(page: Page): Promise<void> {
  await importThroughUi(page, SAMPLE);
  await page.getByRole('button', { name: SAMPLE_TITLE, exact: true }).click();
  await expect(page.getByRole('article', { name: 'Article text' })).toContainText('Sáng 31-3');
}

/** Drags the mouse across `text` inside the article, as a person selecting it. */
async function dragOnce(page: Page, text: string): Promise<void> {
  const article = page.getByRole('article', { name: 'Article text' });
  // Once the whole text is in, the reader no longer swaps the first screen for it under the mouse.
  await expect(article).toHaveAttribute('aria-busy', 'false');
  const box = await article.evaluate(async (root, wanted) => {
    /** The passage's range, found afresh: the reader may have re-rendered its blocks since. */
    const passage = () => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const at = nodes
        .map((n) => n.data)
        .join('')
        .indexOf(wanted);
      if (at < 0) throw new Error(`"${wanted}" is not in the article`);
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
      return range;
    };
    const measure = () => Array.from(passage().getClientRects()).filter((r) => r.width > 0);
    const same = (x: DOMRect[], y: DOMRect[]) =>
      x.length === y.length && x.every((r, i) => r.top === y[i]!.top && r.left === y[i]!.left);
    const inView = (rects: DOMRect[]) =>
      rects.length > 0 && rects[0]!.top >= 0 && rects[rects.length - 1]!.bottom <= window.innerHeight;
    // Measure only once the fonts are in, blocks brought on screen (content-visibility) are laid out,
    // any animated scroll (Chromium animates keyboard scrolling) has come to rest and the passage is
    // in view, or the text moves under the mouse between measuring and dragging.
    await document.fonts.ready;
    let rects: DOMRect[] = [];
    for (let round = 0; round < 60; round++) {
      if (!inView(rects))
        (passage().startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
      const again = measure();
      const settled = same(again, rects) && inView(again);
      rects = again;
      if (settled) break;
    }
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2,
    };
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
}

/**
 * Drags across `text` as `dragOnce` does, again if the selection made is not `text`: on a loaded machine
 * the page can still move between measuring and dragging (a line laid out late), and the mouse then
 * selects the words that moved under it. What the app stores of a selection is checked by the specs.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (let attempt = 1; ; attempt++) {
    await dragOnce(page, text);
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    if (words(selected) === words(text) || attempt === 3) return;
  }
}

/**
 * Highlights `passage` in yellow and, through the "Selected highlight" editor,
 * gives it a note and tags (comma-separated), then closes the editor.
 */
export async function annotate(
  page: Page,
  passage: string,
  edits: { note?: string; tags?: string },
): Promise<void> {
  await selectText(page, passage);
  await page
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('button', { name: 'Add note' })
    .click();
  const editor = page.getByRole('region', { name: 'Selected highlight' });
  if (edits.note !== undefined) await editor.getByLabel('Note (Markdown)').fill(edits.note);
  if (edits.tags !== undefined) await editor.getByLabel('Tags (comma-separated)').fill(edits.tags);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toHaveCount(0);
}

/** The window sizes every section of the reader is checked at. */
export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

/** The reader's scrolling area, which takes the keyboard when an article opens. */
export function readingArea(page: Page) {
  return page.getByRole('region', { name: 'Reading area' });
}

/** Writes a file (text or bytes) for a test to import and returns its path. */
export function fixtureFile(dir: string, name: string, text: string | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

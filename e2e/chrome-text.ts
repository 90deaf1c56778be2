import type { Page } from '@playwright/test';

/** Elements holding the user's own words (titles, quotes, notes, tags, the text) rather than the interface's. */
const USER_DATA = [
  '.article-body',
  '.reader-page',
  '.pdf-body',
  '.quote',
  '.quote-block',
  '.note-rendered',
  '.tag-chip',
  '.tag-table td:first-child',
  '.article-title',
  '.article-author',
  '.byline',
  '.reader-title',
  '.snippet',
  '.search-group h3',
  '.brand',
  '.contents-list',
  '.place-chapter',
  '[lang]:not(html)',
].join(', ');

/** Symbols and names that are the same in every language. */
const NEUTRAL = new Set(['A−', 'A+', 'Gloss', '×', '↑', '↓', '−', '+']);

/**
 * The visible words of the interface (text nodes, accessible names, placeholders, tooltips, options) that
 * did not come from the pseudo-locale's catalog, so were left out of translation.
 */
export function untranslatedText(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ userData, neutral }) => {
      const pseudo = /[[\]~áëïôüýçñšžÅÉÎÖÛÝÇÑŠŽ]/;
      const wordy = (text: string) => /[A-Za-z]/.test(text) && !neutral.includes(text.trim());
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent ?? '';
        if (
          !parent ||
          parent.closest(userData) ||
          parent.closest('option, datalist, textarea, script, style')
        )
          continue;
        if (parent.getClientRects().length === 0) continue;
        if (wordy(text) && !pseudo.test(text)) found.push(`text: ${text.trim()}`);
      }
      for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
        if (el.closest(userData) || el.matches('.search-group, .pdf-links a')) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = el.getAttribute(name);
          if (value && wordy(value) && !pseudo.test(value)) found.push(`${name}: ${value}`);
        }
      }
      for (const option of document.body.querySelectorAll('option')) {
        if (option.closest(userData) || option.value === option.text) continue;
        if (wordy(option.text) && !pseudo.test(option.text)) found.push(`option: ${option.text}`);
      }
      return found;
    },
    { userData: USER_DATA, neutral: [...NEUTRAL] },
  );
}

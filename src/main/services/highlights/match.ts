import type { ArticleMeta } from '../../../shared/model/article';
import { fold } from '../../../shared/text/fold';

/** A title or name folded for comparison: no accents, lower case, punctuation as single spaces. */
function key(text: string): string {
  return fold(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The title before a subtitle ("Sapiens: A Brief History" → "Sapiens"). */
function mainTitle(title: string): string {
  return key(title.split(/[:：|([]|\s[-–—]\s/)[0] ?? title);
}

function names(author: string): Set<string> {
  return new Set(
    key(author)
      .split(' ')
      .filter((n) => n.length > 1),
  );
}

/** True when two author lines share a name ("Thoreau, Henry David" and "Henry D. Thoreau"). */
function sameAuthor(a: string, b: string): boolean {
  const theirs = names(b);
  return [...names(a)].some((n) => theirs.has(n));
}

/**
 * How well a library article matches a book or page of an export: 2 for the same title, 1 for the same
 * main title (one has a subtitle the other lacks), 0 for no match. Titles are compared without accents,
 * case or punctuation; when both name an author, they must share a name.
 */
export function matchScore(
  article: Pick<ArticleMeta, 'title' | 'author'>,
  book: { title: string; author: string | null },
): number {
  if (article.author && book.author && !sameAuthor(article.author, book.author)) return 0;
  const [a, b] = [key(article.title), key(book.title)];
  if (!a || !b) return 0;
  if (a === b) return 2;
  const [mainA, mainB] = [mainTitle(article.title), mainTitle(book.title)];
  return mainA.length >= 4 && (mainA === b || mainB === a || mainA === mainB) ? 1 : 0;
}

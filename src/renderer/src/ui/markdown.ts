import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { SANITIZE_CONFIG, unwrapDeadLinks } from '../../../shared/sanitize-policy';

/** Renders a user's Markdown note to HTML sanitized with Gloss's one allow-list. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  const fragment = DOMPurify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
  unwrapDeadLinks(fragment);
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

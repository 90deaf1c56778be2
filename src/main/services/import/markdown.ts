import { statedLanguage } from '../../../shared/text/language';
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { blocksFromHtml, type Converted, type TextWithBlocks } from './blocks';
import { checkHtmlDepth, checkMarkdownNesting } from './limits';
import { cleanByline, findAuthor, findPublished, normalizeDate } from './metadata';
import { sanitizeToFragment } from './sanitize';

const FRONT_MATTER = /^---[^\S\n]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[^\S\n]*(?:\n|$)/;
const HEADING = /^h[1-6]$/;

const marked = new Marked({ gfm: true });

/** Front matter values Gloss reads; anything else in it is ignored. */
interface FrontMatter {
  title?: unknown;
  author?: unknown;
  authors?: unknown;
  date?: unknown;
  published?: unknown;
  tags?: unknown;
  tag?: unknown;
  keywords?: unknown;
  lang?: unknown;
  language?: unknown;
}

/** The front matter at the start of `markdown` and the body after it; none unless it is a YAML mapping. */
function splitFrontMatter(markdown: string): { meta: FrontMatter; body: string } {
  const match = markdown.match(FRONT_MATTER);
  if (!match) return { meta: {}, body: markdown };
  try {
    const value: unknown = parseYaml(match[1] ?? '');
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { meta: value, body: markdown.slice(match[0].length) };
    }
  } catch {
    // Not YAML: the lines are Markdown after all (a rule, then text).
  }
  return { meta: {}, body: markdown };
}

function authorOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(authorOf).filter((name): name is string => name !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value !== null && typeof value === 'object' && 'name' in value) return authorOf(value.name);
  return cleanByline(value);
}

function textOf(value: unknown): string | null {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text || null;
}

/**
 * Converts canonical Markdown: YAML front matter (title, author or authors,
 * date or published, tags, lang or language) is read and left out of the text; the rest is rendered
 * with marked (GFM), sanitized, and turned into blocks. The title is the
 * front matter's, else the first heading. A leading "---" block that is
 * not a YAML mapping is kept as Markdown.
 * @throws GlossError('too-complex') when lists or quotes nest deeper than
 *   MAX_MARKDOWN_NESTING, or its HTML deeper than MAX_HTML_DEPTH.
 */
export function convertMarkdown(markdown: string): Converted {
  const { meta, body } = splitFrontMatter(markdown);
  checkMarkdownNesting(body);
  const html = marked.parse(body, { async: false });
  checkHtmlDepth(html);
  const { text, blocks }: TextWithBlocks = blocksFromHtml(sanitizeToFragment(html));
  const heading = blocks.find((b) => HEADING.test(b.kind));
  const lines = text.split('\n').filter((line) => line.trim());
  return {
    text,
    blocks,
    title: textOf(meta.title) ?? (heading ? text.slice(heading.start, heading.end) : null),
    author: authorOf(meta.author ?? meta.authors) ?? findAuthor(lines),
    published: normalizeDate(meta.date ?? meta.published) ?? findPublished(lines),
    tags: tagsOf(meta.tags ?? meta.tag ?? meta.keywords),
    language: statedLanguage(meta.lang ?? meta.language),
  };
}

/** Front matter tags: a list, or one string of names separated by commas or spaces (Obsidian's "#" dropped). */
function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  const names = list
    .map((item) => textOf(item)?.replace(/^#/, '').normalize('NFC'))
    .filter((name): name is string => !!name);
  return [...new Set(names)];
}

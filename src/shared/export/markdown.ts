import Handlebars from 'handlebars';
import { parseDocument as parseYaml } from 'yaml';
import { GlossError } from '../result';
import { glossLink } from '../links/gloss-link';
import type { Annotation } from '../model/annotation';
import type { ArticleMeta, Page } from '../model/article';
import { pageOfTarget } from '../pdf/pages';
import type { ExportAttachment, ExportFile } from '../model/export';
import { areaImageName, areaImagePath, type AreaImage } from './attachments';
import type { OutlineEntry } from '../text/outline';
import { chapterAt, groupByChapter } from './chapters';
import { blockquote, escapeMarkdownText, noteMarkdown, obsidianTags } from './escape';
import { colorMarker, type ColorMarkerStyle } from './color-marker';
import { exportWords, type ExportWords } from './words';
import type { Language } from '../i18n';
import { safeFileStem, uniqueFileNames } from './file-names';
import type { ArticleData, ChapterData, HighlightData } from './template-data';
import { assembleDocument, hasMarkerLine, splitFrontMatter, toYaml, type ExportSection } from './markers';

/** One article with what Markdown export needs of it. */
export interface ArticleExport {
  article: ArticleMeta;
  /** The article note (Markdown). */
  note: string;
  /** Live highlights in document order; orphans included. */
  highlights: Annotation[];
  /** PDF only: the page map, so each highlight carries its page label. */
  pages?: Page[];
  /** The book's table of contents in text order, when it has one: highlights are grouped under its entries. */
  outline?: readonly OutlineEntry[];
  /**
   * PDF only: the images of its area highlights by highlight id, embedded in the note and attached to
   * its file; without it, an area is written as its page alone.
   */
  areaImages?: ReadonlyMap<string, AreaImage>;
}

/** How to render Markdown. */
export interface MarkdownOptions {
  /** Handlebars template for one article; the default when absent. */
  template?: string;
  /** `template` already compiled (see compileTemplate), for an export rendered in several calls; wins over `template`. */
  compiled?: ArticleTemplate;
  /** One file for all articles instead of one file per article. */
  combined: boolean;
  /** Export time, ISO 8601; written into the front matter. */
  exported: string;
  /** File name of the combined file. */
  combinedName: string;
  /** How a highlight's colour is shown: an emoji square (default), "Colour: x", or not at all. */
  colorMarker?: ColorMarkerStyle;
  /** Just the Markdown of each article (for the clipboard): no front matter, no Gloss markers. */
  clean?: boolean;
  /** The language of the human-readable words (labels, colour names, orphan warning); English by default. */
  language?: Language;
}

/**
 * The default template: YAML front matter, the title, the article note, then
 * each highlight as a blockquote with its block id, a line with its colour
 * marker and tags, and its note (the user's own Markdown); in a book, the
 * highlights of each chapter under its heading.
 * In a combined file the front matter is dropped, so the metadata is shown
 * as a list instead.
 */
export const DEFAULT_TEMPLATE = `---
{{frontMatter}}---
# {{title}}
{{#if combined}}

{{#if author}}
- {{words.author}}: {{author}}
{{/if}}
{{#if published}}
- {{words.published}}: {{published}}
{{/if}}
- {{words.source}}: {{source}}
- {{words.link}}: [{{words.openInGloss}}]({{link}})
{{#if hashtags}}
- {{words.tags}}: {{hashtags}}
{{/if}}
{{/if}}
{{#if note}}

## {{words.note}}

{{note}}
{{/if}}
{{#if highlights.length}}

## {{words.highlights}}
{{#each chapters}}
{{#if title}}

### {{title}}
{{/if}}
{{#each highlights}}

{{quoteBlock}}

^{{blockId}}

{{#if meta}}{{meta}} · {{/if}}[{{@root.words.openInGloss}}]({{link}})
{{#if note}}

{{note}}
{{/if}}
{{/each}}
{{/each}}
{{/if}}
`;

export type { ArticleData, ChapterData, HighlightData } from './template-data';

/** A compiled template: renders one article's data to Markdown. */
export type ArticleTemplate = (data: ArticleData) => string;

const handlebars = Handlebars.create();
handlebars.registerHelper('yaml', (value: unknown) => toYaml(value).trimEnd());

const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

function templateError(error: unknown): GlossError {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse) return new GlossError('invalid-argument', `Template error on line ${parse[1]}:\n${parse[2]}`);
  const line = (error as { lineNumber?: unknown }).lineNumber;
  const text = message
    .replace(/ - \d+:\d+$/, '')
    .replace(
      /^"([^"]+)" not defined in .*$/s,
      'unknown variable "$1" (inside {{#each}}, reach the article with ../)',
    );
  return new GlossError(
    'invalid-argument',
    typeof line === 'number' ? `Template error on line ${line}: ${text}` : `Template error: ${text}`,
  );
}

/**
 * Compiles a Handlebars template (strict: an unknown variable is an error;
 * no HTML escaping, since the values are already escaped for Markdown).
 *
 * @throws GlossError('invalid-argument') "Template error on line N: ..." for
 * a syntax error. Errors found while rendering are reported the same way.
 */
export function compileTemplate(source: string): ArticleTemplate {
  try {
    handlebars.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    throw templateError(error);
  }
  const template = handlebars.compile<ArticleData>(source, COMPILE_OPTIONS);
  return (data) => {
    try {
      return template(data);
    } catch (error) {
      throw templateError(error);
    }
  };
}

function alphanumeric(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Block ids by highlight id: "gloss-" and the first 8 letters or digits of the id, longer where two would clash. */
function blockIds(highlights: Annotation[]): string[] {
  const used = new Set<string>();
  return highlights.map(({ id }) => {
    const uuidStart = /^[0-9a-f]{8}-/i.test(id);
    let blockId = `gloss-${uuidStart ? id.slice(0, 8).toLowerCase() : alphanumeric(id).slice(0, 8)}`;
    if (used.has(blockId)) blockId = `gloss-${alphanumeric(id)}`;
    for (let n = 2; used.has(blockId); n++) blockId = `gloss-${alphanumeric(id)}-${n}`;
    used.add(blockId);
    return blockId;
  });
}

function trimLineBreaks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** An area as a blockquote: "*Area on p. 4*", then its image embedded, or a line saying why there is none. */
function areaBlock(label: string, id: string, image: AreaImage | undefined, words: ExportWords): string {
  const head = `> *${escapeMarkdownText(label)}*`;
  if (!image) return head;
  if ('png' in image) return `${head}\n>\n> ![[${areaImagePath(id)}]]`;
  return `${head}\n>\n> *${escapeMarkdownText(words.noImage(image.missing))}*`;
}

/** The images a note embeds, as files to write beside it. */
function attachmentsOf(articles: readonly ArticleExport[]): { attachments?: ExportAttachment[] } {
  const attachments = articles.flatMap(({ highlights, areaImages }) =>
    highlights.flatMap((h) => {
      const image = areaImages?.get(h.id);
      return image && 'png' in image ? [{ name: areaImageName(h.id), data: image.png }] : [];
    }),
  );
  return attachments.length > 0 ? { attachments } : {};
}

function hashtags(tags: string[]): string {
  return tags.map((t) => `#${t}`).join(' ');
}

/** Builds the template data for one article. */
export function articleData(
  input: ArticleExport,
  exported: string,
  combined: boolean,
  markerStyle: ColorMarkerStyle = 'emoji',
  words: ExportWords = exportWords('en'),
): ArticleData {
  const { article } = input;
  const ids = blockIds(input.highlights);
  const tags = obsidianTags(article.tags);
  const outline = input.outline ?? [];
  const highlights = input.highlights.map((h, i): HighlightData => {
    const chapter = chapterAt(outline, h.target.position.start)?.label ?? null;
    const quoteText = trimLineBreaks(h.target.quote.exact);
    const quote = escapeMarkdownText(quoteText);
    const highlightTags = obsidianTags(h.tags);
    const marker = colorMarker(h.color, markerStyle, words);
    const orphaned = h.orphaned ? words.orphaned : '';
    const page = (!h.orphaned && input.pages && pageOfTarget(input.pages, h.target)?.label) || null;
    const area = h.target.area !== undefined;
    const image = area ? input.areaImages?.get(h.id) : undefined;
    return {
      id: h.id,
      blockId: ids[i] ?? '',
      index: i + 1,
      quote,
      quoteBlock: area
        ? areaBlock(words.areaOn(page ?? String(h.target.area!.page + 1)), h.id, image, words)
        : blockquote(quote),
      area,
      image: image && 'png' in image ? areaImagePath(h.id) : null,
      quoteText,
      note: noteMarkdown(trimLineBreaks(h.note)),
      noteText: h.note,
      color: h.color,
      colorMarker: marker,
      meta: [page && words.page(page), marker, hashtags(highlightTags), orphaned].filter(Boolean).join(' · '),
      tags: highlightTags,
      hashtags: hashtags(highlightTags),
      orphaned: h.orphaned,
      created: h.createdAt,
      updated: h.updatedAt,
      start: h.target.position.start,
      end: h.target.position.end,
      page,
      link: glossLink({ kind: 'highlight', articleId: article.id, highlightId: h.id }),
      chapter: chapter === null ? null : escapeMarkdownText(chapter),
      chapterText: chapter,
    };
  });
  const chapters = groupByChapter(highlights, (h) => chapterAt(outline, h.start)).map(
    ({ entry, items }): ChapterData => ({
      title: entry ? escapeMarkdownText(entry.label) : null,
      titleText: entry?.label ?? null,
      level: entry?.level ?? 0,
      highlights: items,
    }),
  );
  const frontMatter = toYaml({
    title: article.title,
    author: article.author,
    published: article.published,
    source: article.sourceFile,
    ...(article.pageCount !== undefined && { pages: article.pageCount }),
    ...(article.doi && { doi: article.doi }),
    tags,
    'gloss-id': article.id,
    'gloss-link': glossLink({ kind: 'article', articleId: article.id }),
    exported,
  });
  return {
    id: article.id,
    title: escapeMarkdownText(article.title),
    titleText: article.title,
    author: article.author === null ? null : escapeMarkdownText(article.author),
    published: article.published,
    source: article.sourceFile,
    pages: article.pageCount ?? null,
    doi: article.doi ?? null,
    link: glossLink({ kind: 'article', articleId: article.id }),
    tags,
    hashtags: hashtags(tags),
    note: noteMarkdown(trimLineBreaks(input.note)),
    noteText: input.note,
    wordCount: article.wordCount,
    highlightCount: highlights.length,
    exported,
    combined,
    frontMatter,
    highlights,
    chapters,
    words: {
      author: words.author,
      published: words.published,
      source: words.source,
      link: words.link,
      tags: words.tags,
      note: words.note,
      highlights: words.highlights,
      openInGloss: words.openInGloss,
    },
  };
}

function renderSection(
  template: ArticleTemplate,
  input: ArticleExport,
  options: MarkdownOptions,
  words: ExportWords,
): { frontMatter: string | null; section: ExportSection } {
  const data = articleData(input, options.exported, options.combined, options.colorMarker, words);
  const output = template(data);
  const { frontMatter, body } = splitFrontMatter(
    output.includes('\r') ? output.replace(/\r\n?/g, '\n') : output,
  );
  if (frontMatter !== null && frontMatter !== data.frontMatter) {
    const error = parseYaml(frontMatter).errors[0];
    if (error) {
      throw new GlossError(
        'invalid-argument',
        `Template error: the front matter it produced for “${input.article.title}” is not valid YAML: ${error.message.split('\n')[0]}. Quote values with {{yaml value}}.`,
      );
    }
  }
  if (hasMarkerLine(body)) {
    throw new GlossError(
      'invalid-argument',
      `Template error: the output for “${input.article.title}” holds a line that reads as a Gloss marker (<!-- gloss:… -->), which would break re-export. Use {{note}} rather than {{noteText}}.`,
    );
  }
  return { frontMatter, section: { id: input.article.id, body: trimLineBreaks(body.trimEnd()) } };
}

/**
 * Renders articles to Markdown files: one per article (named after its
 * title, collisions numbered) or, with `combined`, one file holding every
 * article between its own markers; with `clean`, one file of just their
 * Markdown (no front matter, no markers), named `combinedName`. Everything is rendered before anything
 * is returned, so a template error leaves nothing half-done.
 *
 * @throws GlossError('invalid-argument') for a template error, with its line.
 */
export function renderMarkdown(articles: readonly ArticleExport[], options: MarkdownOptions): ExportFile[] {
  const template = options.compiled ?? compileTemplate(options.template ?? DEFAULT_TEMPLATE);
  const words = exportWords(options.language);
  const rendered = articles.map((a) => renderSection(template, a, options, words));
  if (options.clean) {
    const content = `${rendered.map((r) => r.section.body).join('\n\n')}\n`;
    return [{ name: options.combinedName, content }];
  }
  if (options.combined) {
    const title = options.combinedName.replace(/\.md$/, '');
    const frontMatter = toYaml({ title, exported: options.exported, articles: articles.length });
    const sections = rendered.map((r) => r.section);
    const content = assembleDocument({ frontMatter, sections });
    return [{ name: options.combinedName, content, ...attachmentsOf(articles) }];
  }
  const names = uniqueFileNames(articles.map((a) => `${safeFileStem(a.article.title)}.md`));
  return rendered.map((r, i) => ({
    name: names[i] ?? '',
    content: assembleDocument({ frontMatter: r.frontMatter, sections: [r.section] }),
    ...attachmentsOf(articles.slice(i, i + 1)),
  }));
}

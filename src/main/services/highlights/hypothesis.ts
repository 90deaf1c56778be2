import { cleanText, isRecord, stringOf, type ForeignBook, type ParsedHighlights } from './types';

/** The annotations of a Hypothesis export: the client's `{ annotations }`, the API's `{ rows }`, or a list. */
function annotationsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.annotations)) return value.annotations;
  if (isRecord(value) && Array.isArray(value.rows)) return value.rows;
  return null;
}

/** True when `value` looks like a Hypothesis export: annotations with a `uri` and a `target` list. */
export function isHypothesisExport(value: unknown): boolean {
  const list = annotationsOf(value);
  return (
    list !== null &&
    list.length > 0 &&
    list.every((a) => isRecord(a) && typeof a.uri === 'string' && Array.isArray(a.target))
  );
}

interface Selectors {
  exact: string;
  prefix: string;
  suffix: string;
  start?: number;
}

function selectorsOf(annotation: Record<string, unknown>): Selectors | null {
  const target = Array.isArray(annotation.target) ? annotation.target[0] : undefined;
  const selectors =
    isRecord(target) && Array.isArray(target.selector) ? target.selector.filter(isRecord) : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const exact = quote ? cleanText(stringOf(quote.exact)) : '';
  if (!quote || !exact) return null;
  return {
    exact,
    prefix: stringOf(quote.prefix).normalize('NFC'),
    suffix: stringOf(quote.suffix).normalize('NFC'),
    ...(typeof position?.start === 'number' && { start: position.start }),
  };
}

function titleOf(annotation: Record<string, unknown>, uri: string): string {
  const document = isRecord(annotation.document) ? annotation.document : {};
  const title = Array.isArray(document.title) ? document.title[0] : document.title;
  return cleanText(stringOf(title)) || uri;
}

/**
 * Reads a Hypothesis export: the client's JSON export (`{ export_date, annotations }`), an API search
 * result (`{ total, rows }`) or a list of API annotations. Annotations are grouped by page (`uri`, titled
 * by `document.title`); highlights carry their quote (TextQuoteSelector, with its context and position as
 * anchoring hints), note (`text`), tags and `created`; page notes (no quote) are kept as notes of the
 * page; replies are ignored.
 */
export function parseHypothesisJson(value: unknown): ParsedHighlights {
  const pages = new Map<string, ForeignBook>();
  let ignored = 0;
  for (const item of annotationsOf(value) ?? []) {
    if (
      !isRecord(item) ||
      typeof item.uri !== 'string' ||
      (Array.isArray(item.references) && item.references.length)
    ) {
      ignored++;
      continue;
    }
    const uri = item.uri;
    let page = pages.get(uri);
    if (!page) {
      page = { title: titleOf(item, uri), author: null, source: uri, tags: [], highlights: [], notes: [] };
      pages.set(uri, page);
    }
    const note = cleanText(stringOf(item.text));
    const created = stringOf(item.created) || null;
    const selectors = selectorsOf(item);
    if (!selectors) {
      if (note) page.notes.push({ text: note, where: null, created });
      else ignored++;
      continue;
    }
    const tags = Array.isArray(item.tags) ? item.tags.map(stringOf).filter(Boolean) : [];
    page.highlights.push({
      quote: selectors.exact,
      note,
      tags,
      color: null,
      created: created && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString() : null,
      where: null,
      key: `id:${stringOf(item.id)}`,
      context: { prefix: selectors.prefix, suffix: selectors.suffix, start: selectors.start },
    });
  }
  const books = [...pages.values()].filter((p) => p.highlights.length || p.notes.length);
  return { format: 'hypothesis', books, duplicates: 0, ignored };
}

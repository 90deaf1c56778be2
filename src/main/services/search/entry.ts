import type { ArticleMeta, Block, Page } from '../../../shared/model/article';
import type { SavedArticle } from './model';
import { highlightsOf, settle, type Highlights } from './highlights';
import type { HighlightIndex } from './highlight-index';
import { splitPassages } from './passages';
import { toSearchForm } from './search-form';

/** Size, in UTF-16 units, that consecutive blocks are merged up to before they form one text hit. */
export const PASSAGE_TARGET = 1500;

/** The search forms of an article's highlights, one after another: quote, note and tags of each, each ended by '\n'. */
export interface NotesForm {
  form: string;
  /** Per highlight, four offsets into `form`: quote start, note start, tags start, end. */
  bounds: number[];
}

/** An article as the index keeps it. */
export interface ArticleEntry {
  id: string;
  title: string;
  author: string | null;
  tags: string[];
  contentHash: string;
  updatedAt: string;
  highlightCount: number;
  textLength: number;
  /** Search form of the text; folded from the text when first needed (see IndexStorage.formOf). */
  form?: string;
  formLength: number;
  /** True when the form has characters beyond Latin-1. */
  formWide: boolean;
  /** True when form offsets are text offsets (see SearchForm). */
  aligned: boolean;
  /** Flat [start, end, ...] text offsets (see splitPassages). */
  passages: number[];
  /** PDF only: the page map, so hits carry their page label. */
  pages?: Page[];
  /** The text, kept in memory until the index is next saved (then read from the library's content cache). */
  text?: string;
  highlights: Highlights;
  notesForm?: NotesForm;
  highlightIndex?: HighlightIndex;
  /** Forms of title, author and tags (see metaForms). */
  metaForms?: string[];
  /** Passages in form offsets, for an article whose form is not aligned. */
  formPassages?: number[];
}

/** A new entry for an article and its content, with no highlights yet and nothing saved. */
export function newEntry(
  meta: ArticleMeta,
  content: { text: string; blocks: Block[]; pages?: Page[] },
): ArticleEntry {
  const { form, map } = toSearchForm(content.text);
  return {
    id: meta.id,
    title: meta.title,
    author: meta.author,
    tags: [...meta.tags],
    contentHash: meta.contentHash,
    updatedAt: meta.updatedAt,
    highlightCount: meta.highlightCount,
    textLength: content.text.length,
    form,
    formLength: form.length,
    formWide: /[\u0100-\uffff]/.test(form),
    aligned: !map,
    passages: splitPassages(content.text, content.blocks, PASSAGE_TARGET).flatMap((p) => [p.start, p.end]),
    ...(content.pages && { pages: content.pages }),
    text: content.text,
    highlights: highlightsOf([]),
  };
}

/** The forms of an article's title, author and tags (kept on the entry until they change). */
export function metaForms(entry: ArticleEntry): string[] {
  entry.metaForms ??= [entry.title, entry.author ?? '', entry.tags.join(', ')].map(
    (text) => toSearchForm(text).form,
  );
  return entry.metaForms;
}

/**
 * The forms of an article's highlights (kept on the entry until they
 * change); a quote the index does not keep is read from `form`, the
 * article's search form, at the highlight's position.
 */
export function notesFormOf(entry: ArticleEntry, form: () => string): NotesForm {
  if (entry.notesForm) return entry.notesForm;
  settle(entry.highlights);
  let notes = '';
  const bounds: number[] = [];
  const h = entry.highlights;
  h.ids.forEach((id, i) => {
    const quote = h.quotes.get(id);
    bounds.push(notes.length);
    notes += `${quote === undefined ? form().slice(h.starts[i], h.ends[i]) : toSearchForm(quote).form}\n`;
    bounds.push(notes.length);
    notes += `${toSearchForm(h.notes[i] ?? '').form}\n`;
    bounds.push(notes.length);
    notes += `${toSearchForm((h.tags[i] ?? []).join(', ')).form}\n`;
    bounds.push(notes.length);
  });
  entry.notesForm = { form: notes, bounds };
  return entry.notesForm;
}

/**
 * Passage offsets in the form: the text's own where aligned, else mapped
 * through the folding of `text` (kept on the entry). Without the text, each
 * offset is taken as it is, capped at the form's length.
 */
export function formPassagesOf(entry: ArticleEntry, text: () => string | undefined): number[] {
  if (entry.aligned) return entry.passages;
  if (entry.formPassages) return entry.formPassages;
  const read = text();
  const map = read === undefined ? undefined : toSearchForm(read).map;
  entry.formPassages = entry.passages.map((offset) => formOffset(map, offset, entry.formLength));
  return entry.formPassages;
}

/** The first form offset whose text offset (through `map`) is at least `offset`; `offset` capped when there is no map. */
export function formOffset(map: Int32Array | undefined, offset: number, formLength: number): number {
  if (!map) return Math.min(offset, formLength);
  let low = 0;
  let high = formLength;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((map[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An entry as saved, its highlights put in document order first. */
export function savedArticle(entry: ArticleEntry): SavedArticle {
  settle(entry.highlights);
  return {
    id: entry.id,
    title: entry.title,
    author: entry.author,
    tags: entry.tags,
    contentHash: entry.contentHash,
    updatedAt: entry.updatedAt,
    highlightCount: entry.highlightCount,
    textLength: entry.textLength,
    formLength: entry.formLength,
    formWide: entry.formWide,
    aligned: entry.aligned,
    passages: entry.passages,
    ...(entry.pages && { pages: entry.pages }),
    highlights: { ...entry.highlights, quotes: [...entry.highlights.quotes] },
  };
}

/** An entry from its saved form; its text and form are read when needed. */
export function loadedArticle(saved: SavedArticle): ArticleEntry {
  return {
    id: saved.id,
    title: saved.title,
    author: saved.author,
    tags: saved.tags,
    contentHash: saved.contentHash,
    updatedAt: saved.updatedAt,
    highlightCount: saved.highlightCount,
    textLength: saved.textLength,
    formLength: saved.formLength,
    formWide: saved.formWide,
    aligned: saved.aligned,
    passages: saved.passages,
    ...(saved.pages && { pages: saved.pages }),
    highlights: { ...saved.highlights, quotes: new Map(saved.highlights.quotes) },
  };
}

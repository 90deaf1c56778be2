import type { SearchHit, SearchHitKind, SearchResultGroup } from '../../../shared/model/search';
import { formPassagesOf, metaForms, notesFormOf, type ArticleEntry } from './entry';
import { eligible, type TagKey } from './highlight-index';
import { colorAt } from './highlights';
import type { Plan } from './query-plan';
import { forEachOccurrence, toSearchForm, toTextRange } from './search-form';
import { cutSnippet } from './snippet';
import { markdownToText } from '../../../shared/text/markdown-text';
import { pageAt } from '../../../shared/pdf/pages';

/** Hits shown per article; `hitCount` tells how many there are. */
export const HITS_PER_GROUP = 5;

/** What grouping reads of the index. */
export interface GroupedIndex {
  tagKey: TagKey;
  /** The article's search form. */
  formOf(entry: ArticleEntry): string;
  /** The article's text from `start` to `end` (UTF-16 units); undefined when it cannot be read. */
  textAt(entry: ArticleEntry, start: number, end: number): string | undefined;
}

/** One place in an article that matched, before its snippet is cut. */
interface Unit {
  covered: Set<number>;
  make: () => SearchHit;
}

/**
 * The article's hits: the allowed places holding the most items (for a
 * query of filters only, what the filters select), title, author and tags
 * first, then highlights and text in document order. Snippets are cut only
 * for the first HITS_PER_GROUP.
 */
export function group(index: GroupedIndex, entry: ArticleEntry, plan: Plan): SearchResultGroup {
  const { query, items, markPatterns, itemsOf } = plan;
  const allowed = eligible(entry, query, index.tagKey);
  const listing = items.length === 0;
  const formOf = () => index.formOf(entry);
  /** Calls `visit` for every occurrence of the items in `form` with where it starts and the items it stands for. */
  const scan = (form: string, visit: (at: number, matched: number[]) => void) => {
    for (const [key, matched] of itemsOf) forEachOccurrence(form, key.split(' '), (at) => visit(at, matched));
  };
  const score = (covered: Set<number>) => (listing ? 1 : covered.size / items.length);
  // Marks the words as typed where the text holds them, else what the query found (completions, corrections).
  const snippet = (text: string) => {
    const { form, map } = toSearchForm(text);
    const find = (re: RegExp) =>
      [...form.matchAll(re)].map((m) => toTextRange({ form, map }, m.index, m.index + m[0].length));
    const ranges = markPatterns
      .flatMap(({ typed, expanded }) => {
        const exact = find(typed);
        return exact.length > 0 || !expanded ? exact : find(expanded);
      })
      .sort((a, b) => a[0] - b[0]);
    return { cut: cutSnippet(text, ranges), first: firstRun(text, ranges) };
  };

  const units: Unit[] = [];
  if (allowed.meta && (!listing || query.tags.length > 0)) {
    const forms = metaForms(entry);
    const meta: [SearchHitKind, string, string][] = [
      ['title', entry.title, forms[0] ?? ''],
      ['author', entry.author ?? '', forms[1] ?? ''],
      ['tag', entry.tags.join(', '), forms[2] ?? ''],
    ];
    for (const [kind, text, form] of listing ? meta.slice(2) : meta) {
      const covered = new Set<number>();
      scan(form, (_, matched) => matched.forEach((item) => covered.add(item)));
      units.push({ covered, make: () => ({ kind, score: score(covered), snippet: snippet(text).cut }) });
    }
  }

  const notes = notesFormOf(entry, formOf);
  const fieldStarts = notes.bounds.filter((_, i) => i % 4 !== 3);
  const byField = new Map<number, Set<number>[]>();
  scan(notes.form, (at, matched) => {
    const field = lastAtOrBefore(fieldStarts, at);
    const h = Math.floor(field / 3);
    let sets = byField.get(h);
    if (!sets) byField.set(h, (sets = [new Set(), new Set(), new Set()]));
    for (const item of matched) sets[field % 3]?.add(item);
  });
  const chosen = listing ? allowed.listed() : allowed.highlights().filter((i) => byField.has(i));
  for (const i of chosen) {
    const h = entry.highlights;
    const sets = byField.get(i);
    const covered = new Set(sets?.flatMap((set) => [...set]));
    const best = sets
      ? sets.reduce((top, set, f) => (set.size > (sets[top] as Set<number>).size ? f : top), 0)
      : 0;
    const kind = (['quote', 'note', 'tag'] as const)[best] ?? 'quote';
    const [id, start, end] = [h.ids[i] as string, h.starts[i] as number, h.ends[i] as number];
    units.push({
      covered,
      make: () => {
        const quote = () =>
          h.quotes.get(id) ??
          index.textAt(entry, start, end) ??
          notes.form.slice(notes.bounds[4 * i], (notes.bounds[4 * i + 1] as number) - 1);
        const text =
          kind === 'note'
            ? markdownToText(h.notes[i] ?? '').replace(/\s+/g, ' ')
            : kind === 'tag'
              ? (h.tags[i] ?? []).join(', ')
              : quote();
        const color = colorAt(h, i);
        return {
          kind,
          score: score(covered),
          snippet: snippet(text).cut,
          annotationId: id,
          color,
          start,
          end,
        };
      },
    });
  }

  if (allowed.text && !listing) {
    const passages = formPassagesOf(entry, () => index.textAt(entry, 0, entry.textLength));
    const passageStarts = passages.filter((_, i) => i % 2 === 0);
    const byPassage = new Map<number, Set<number>>();
    scan(formOf(), (at, matched) => {
      const p = lastAtOrBefore(passageStarts, at);
      let covered = byPassage.get(p);
      if (!covered) byPassage.set(p, (covered = new Set()));
      for (const item of matched) covered.add(item);
    });
    for (const [p, covered] of [...byPassage].sort((a, b) => a[0] - b[0])) {
      const start = entry.passages[2 * p] as number;
      const end = entry.passages[2 * p + 1] as number;
      units.push({
        covered,
        make: () => {
          const text =
            index.textAt(entry, start, end) ?? formOf().slice(passages[2 * p], passages[2 * p + 1]);
          const { cut, first } = snippet(text);
          const [from, to] = first ?? [0, 0];
          return { kind: 'text', score: score(covered), snippet: cut, start: start + from, end: start + to };
        },
      });
    }
  }

  const most = Math.max(0, ...units.map((unit) => unit.covered.size));
  const kept = listing ? units : units.filter((unit) => most > 0 && unit.covered.size === most);
  return {
    article: { id: entry.id, title: entry.title, author: entry.author },
    hits: kept.slice(0, HITS_PER_GROUP).map((unit) => withPage(entry, unit.make())),
    hitCount: kept.length,
  };
}

/** The first of sorted `ranges` of `text`, joined with those after it that only whitespace separates ("Sơn Trà"). */
function firstRun(
  text: string,
  ranges: readonly (readonly [number, number])[],
): [number, number] | undefined {
  const first = ranges[0];
  if (!first) return undefined;
  const start = first[0];
  let end = first[1];
  for (const [from, to] of ranges.slice(1)) {
    if (from < end || text.slice(end, from).trim() !== '') break;
    end = to;
  }
  return [start, end];
}

/** The index of the last of `sorted` that is at most `value` (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

/** A hit in a PDF with the label of the page its start is on. */
function withPage(entry: ArticleEntry, hit: SearchHit): SearchHit {
  const page = entry.pages && hit.start !== undefined ? pageAt(entry.pages, hit.start) : undefined;
  return page ? { ...hit, page: page.label } : hit;
}

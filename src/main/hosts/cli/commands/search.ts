import { GlossError } from '../../../../shared/result';
import type { SearchHit, SearchResults } from '../../../../shared/model/search';
import { call, print, type Command } from '../command';

/** `gloss search QUERY`: library-wide search, results grouped by article. */
export const search: Command = {
  help: 'search QUERY [--limit N]  Search titles, text, highlights, notes and tags',
  options: { limit: { type: 'string' } },
  async run(ctx) {
    const query = ctx.args.join(' ');
    if (query.trim() === '') {
      throw new GlossError('invalid-argument', 'Say what to search for, e.g. gloss search "Đà Nẵng".');
    }
    const limitOption = ctx.options.limit;
    const limit = limitOption === undefined ? undefined : Number(limitOption);
    // The contract (zod schemas) loads with the services, not at start-up.
    const { MAX_SEARCH_LIMIT } = await import('../../../../shared/contract/search');
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_SEARCH_LIMIT)) {
      throw new GlossError(
        'invalid-argument',
        `--limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, not "${String(limitOption)}".`,
      );
    }
    const results = await call(ctx, 'search', { query, limit });
    print(ctx, results, formatResults(query, results));
  },
};

/** Results as plain text: each article with its hits, matches between « and ». */
export function formatResults(query: string, results: SearchResults): string {
  if (results.total === 0) return `No matches for ${query}.`;
  const lines: string[] = [];
  for (const { article, hits, hitCount } of results.groups) {
    const by = article.author ? ` — ${article.author}` : '';
    lines.push(`${article.title}${by}  (${hitCount} ${hitCount === 1 ? 'hit' : 'hits'})`);
    for (const hit of hits) lines.push(`  ${label(hit).padEnd(14)} ${markedText(hit)}`);
    if (hitCount > hits.length) lines.push(`  … ${hitCount - hits.length} more`);
    lines.push('');
  }
  const shown = results.groups.length;
  lines.push(
    `${results.total} ${results.total === 1 ? 'hit' : 'hits'} in all; ${shown} ${shown === 1 ? 'article' : 'articles'} shown` +
      ` (${Math.round(results.tookMs)} ms)`,
  );
  return lines.join('\n');
}

function label(hit: SearchHit): string {
  return hit.color ? `${hit.kind} (${hit.color})` : hit.kind;
}

function markedText({ snippet }: SearchHit): string {
  let out = '';
  let at = 0;
  for (const mark of snippet.marks) {
    out += `${snippet.text.slice(at, mark.start)}«${snippet.text.slice(mark.start, mark.end)}»`;
    at = mark.end;
  }
  return out + snippet.text.slice(at);
}

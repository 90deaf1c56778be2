import { GlossError } from '../../../../shared/result';
import type { SearchHit, SearchResults } from '../../../../shared/model/search';
import type { TFunction } from '../../../../shared/i18n';
import { call, print, wordsOf, type Command } from '../command';

/** `gloss search QUERY`: library-wide search, results grouped by article. */
export const search: Command = {
  usage: 'search QUERY [--limit N]',
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
    print(ctx, results, () => formatResults(query, results, wordsOf(ctx)));
  },
};

/** Results as plain text in the language of `t` (English by default): each article with its hits, matches between « and ». */
export function formatResults(query: string, results: SearchResults, t: TFunction = wordsOf({})): string {
  if (results.total === 0) return t('cli.noMatches', { query });
  const lines: string[] = [];
  for (const { article, hits, hitCount } of results.groups) {
    const by = article.author ? ` — ${article.author}` : '';
    lines.push(`${article.title}${by}  (${t('cli.hits', { count: hitCount })})`);
    for (const hit of hits) lines.push(`  ${label(hit).padEnd(14)} ${markedText(hit)}`);
    if (hitCount > hits.length) lines.push(`  ${t('cli.more', { count: hitCount - hits.length })}`);
    lines.push('');
  }
  const shown = results.groups.length;
  lines.push(
    t('cli.searchTotal', {
      hits: t('cli.hits', { count: results.total }),
      articles: t('cli.articles', { count: shown }),
      ms: Math.round(results.tookMs),
    }),
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

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { SearchHit, SearchResults, SearchSnippet } from '../../../shared/model/search';
import { useStore } from '../state/store';
import { isComposing, useComposedValue } from '../ui/composition';

/** A snippet as text with its matches marked; never parsed as HTML. */
function Snippet({ snippet }: { snippet: SearchSnippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.marks.forEach((m, i) => {
    parts.push(snippet.text.slice(at, m.start));
    parts.push(<mark key={i}>{snippet.text.slice(m.start, m.end)}</mark>);
    at = m.end;
  });
  parts.push(snippet.text.slice(at));
  return <span className="snippet">{parts}</span>;
}

/**
 * Library-wide search (Ctrl/Cmd+K or Ctrl/Cmd+Shift+F): results grouped by
 * article; choosing one opens the article at the hit and selects the highlight.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const describe = useStore((s) => s.describe);
  const openArticle = useStore((s) => s.openArticle);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const notify = useStore((s) => s.notify);
  // What the field shows, and the query run: the field's text once any input-method composition has ended.
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const showText = useCallback((value: string) => {
    setText(value);
    setOpen(true);
  }, []);
  const composed = useComposedValue(setQuery, showText);
  const input = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isComposing(e)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key.toLowerCase() === 'k' || (e.shiftKey && e.key.toLowerCase() === 'f'))) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!query.trim()) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void api.search({ query, limit: 20 }).then((result) => {
        if (mine !== seq.current) return;
        if (result.ok) {
          setResults(result.value);
          setError(null);
        } else setError(describe(result.error));
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [query, describe]);

  const choose = async (articleId: string, hit: SearchHit) => {
    setOpen(false);
    await openArticle(articleId, hit.start);
    if (hit.annotationId) selectAnnotation(hit.annotationId);
    else if (hit.start !== undefined && hit.end !== undefined && hit.end > hit.start) {
      useStore.getState().markPassage(hit.start, hit.end);
    }
    if (!useStore.getState().content) notify('error', t('search.cannotOpen'));
  };

  return (
    <div className="search" role="search" aria-label={t('search.label')}>
      <input
        ref={input}
        type="search"
        aria-label={t('search.label')}
        aria-keyshortcuts="Control+K Control+Shift+F"
        placeholder={t('search.placeholder')}
        value={text}
        onFocus={() => setOpen(true)}
        {...composed}
        onKeyDown={(e) => {
          if (isComposing(e)) return;
          if (e.key === 'Escape') {
            setOpen(false);
            input.current?.blur();
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            resultsRef.current?.querySelector('button')?.focus();
          }
        }}
      />
      {open && query.trim() !== '' && (
        <div
          ref={resultsRef}
          className="search-results"
          role="region"
          aria-label={t('search.results')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              input.current?.focus();
            }
          }}
        >
          {error && <p role="alert">{error}</p>}
          {results && (
            <p className="muted search-summary" role="status">
              {results.total === 0 ? t('search.none') : t('search.count', { count: results.total })}
            </p>
          )}
          {results?.groups.map((group) => (
            <section key={group.article.id} aria-label={group.article.title} className="search-group">
              <h3>{group.article.title}</h3>
              <ul>
                {group.hits.map((hit, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="search-hit"
                      onClick={() => void choose(group.article.id, hit)}
                    >
                      <span className="hit-kind">
                        {hit.color && <span className="swatch" data-color={hit.color} aria-hidden="true" />}
                        {t(`search.kind.${hit.kind}`)}
                        {hit.page !== undefined && (
                          <span className="hit-page"> · {t('search.page', { page: hit.page })}</span>
                        )}
                      </span>
                      <Snippet snippet={hit.snippet} />
                    </button>
                  </li>
                ))}
              </ul>
              {group.hitCount > group.hits.length && (
                <p className="muted">{t('search.more', { count: group.hitCount - group.hits.length })}</p>
              )}
            </section>
          ))}
          <button type="button" className="link close-results" onClick={() => setOpen(false)}>
            {t('search.close')}
          </button>
        </div>
      )}
    </div>
  );
}

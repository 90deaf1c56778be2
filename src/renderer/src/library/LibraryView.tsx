import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { sameTag } from '../../../shared/model/tag';
import { fold } from '../../../shared/text/fold';
import type { ArticleMeta } from '../../../shared/model/article';
import { useStore } from '../state/store';
import { useComposedValue } from '../ui/composition';
import { Dialog } from '../ui/Dialog';
import { WindowedList } from '../ui/WindowedList';
import type { ExportScope } from '../../../shared/model/export';
import { ExportDialog } from './ExportDialog';
import { ImportButton } from './ImportButton';
import { ImportProgress } from './ImportProgress';

type SortKey = 'recent' | 'title' | 'date';

/** Height of an article row not yet measured, px (title and one line of details). */
const ROW_ESTIMATE = 76;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings by code unit: ISO dates in order, and much cheaper than localeCompare. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each article's folded title, author and tags, the haystack of the filter. */
export function filterTexts(articles: ArticleMeta[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, fold(`${a.title} ${a.author ?? ''} ${a.tags.join(' ')}`)]));
}

/**
 * Sorts and filters articles as the library toolbar asks; `texts` (from filterTexts) spares folding
 * every article again at each keystroke.
 */
export function visibleArticles(
  articles: ArticleMeta[],
  query: string,
  tag: string,
  sort: SortKey,
  texts: Map<string, string> = filterTexts(articles),
): ArticleMeta[] {
  const needle = fold(query.trim());
  const filtered = articles.filter(
    (a) =>
      (!tag || a.tags.some((t) => sameTag(t, tag))) && (!needle || (texts.get(a.id) ?? '').includes(needle)),
  );
  const by: Record<SortKey, (a: ArticleMeta, b: ArticleMeta) => number> = {
    recent: (a, b) => byCodeUnit(b.createdAt, a.createdAt),
    title: (a, b) => collator.compare(a.title, b.title),
    date: (a, b) => byCodeUnit(b.published ?? '', a.published ?? ''),
  };
  return filtered.sort(by[sort]);
}

/** The library: the list of articles, or an invitation to import the first one. */
export function LibraryView() {
  const { t } = useTranslation();
  const articles = useStore((s) => s.articles);
  const loaded = useStore((s) => s.articlesLoaded);
  // What the filter field shows, and the filter applied: its text once any composition has ended.
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const composed = useComposedValue(setQuery);
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<SortKey>('recent');
  const [editing, setEditing] = useState<ArticleMeta | null>(null);
  const [deleting, setDeleting] = useState<ArticleMeta | null>(null);
  const [exporting, setExporting] = useState(false);

  const allTags = useMemo(
    () => [...new Set(articles.flatMap((a) => a.tags))].sort(collator.compare),
    [articles],
  );
  const texts = useMemo(() => filterTexts(articles), [articles]);
  const shown = useMemo(
    () => visibleArticles(articles, query, tag, sort, texts),
    [articles, query, tag, sort, texts],
  );
  const rowKey = useCallback((i: number) => shown[i]!.id, [shown]);

  return (
    <section className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h2 id="library-title">{t('library.title')}</h2>
        <div className="row">
          <LanguageSelect />
          {articles.length > 0 && (
            <>
              <button type="button" onClick={() => setExporting(true)}>
                {t('library.export')}
              </button>
              <ImportButton className="primary" />
            </>
          )}
        </div>
      </div>
      <ImportProgress />
      {loaded && articles.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('library.emptyTitle')}</p>
          <p>{t('library.emptyText')}</p>
          <ImportButton className="primary" />
        </div>
      ) : (
        <>
          <div className="library-toolbar" role="search">
            <input
              type="search"
              aria-label={t('library.filter')}
              placeholder={t('library.filterPlaceholder')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                composed.change(e.target.value);
              }}
              onCompositionStart={composed.onCompositionStart}
              onCompositionEnd={composed.onCompositionEnd}
            />
            <label>
              {t('library.tag')}{' '}
              <select aria-label={t('library.tag')} value={tag} onChange={(e) => setTag(e.target.value)}>
                <option value="">{t('library.allTags')}</option>
                {allTags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('library.sort')}{' '}
              <select
                aria-label={t('library.sort')}
                value={sort}
                onChange={(e) => setSort(e.target.value as SortKey)}
              >
                <option value="recent">{t('library.sortRecent')}</option>
                <option value="title">{t('library.sortTitle')}</option>
                <option value="date">{t('library.sortDate')}</option>
              </select>
            </label>
          </div>
          <WindowedList
            className="article-list"
            aria-label={t('library.articles')}
            count={shown.length}
            rowKey={rowKey}
            estimate={ROW_ESTIMATE}
            rowClassName={() => 'article-row'}
            renderRow={(i) => (
              <ArticleRow
                article={shown[i]!}
                onEdit={() => setEditing(shown[i]!)}
                onDelete={() => setDeleting(shown[i]!)}
              />
            )}
          />
          {loaded && shown.length === 0 && <p className="muted">{t('library.noMatch')}</p>}
        </>
      )}
      {editing && <EditArticleDialog article={editing} onClose={() => setEditing(null)} />}
      {exporting && (
        <ExportDialog
          scopes={[
            { label: t('library.scopeAll'), scope: { kind: 'all' } },
            ...(shown.length !== articles.length && shown.length > 0
              ? [
                  {
                    label: t('library.scopeShown', { count: shown.length }),
                    scope: { kind: 'articles', ids: shown.map((a) => a.id) } as ExportScope,
                  },
                ]
              : []),
            ...(tag
              ? [{ label: t('library.scopeTag', { tag }), scope: { kind: 'tag', tag } as ExportScope }]
              : []),
          ]}
          onClose={() => setExporting(false)}
        />
      )}
      {deleting && <DeleteArticleDialog article={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}

function ArticleRow({
  article,
  onEdit,
  onDelete,
}: {
  article: ArticleMeta;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const openArticle = useStore((s) => s.openArticle);
  const percent = Math.round(article.progress * 100);
  return (
    <>
      <div className="article-main">
        <button type="button" className="article-title link" onClick={() => void openArticle(article.id)}>
          {article.title}
        </button>
        <div className="article-meta">
          {article.author && <span className="article-author">{article.author}</span>}
          {article.published && <span>{formatDate(article.published, i18n.language)}</span>}
          <span>{t('library.highlights', { count: article.highlightCount })}</span>
          {article.tags.map((t) => (
            <span key={t} className="tag-chip">
              #{t}
            </span>
          ))}
        </div>
      </div>
      <progress
        className="article-progress"
        max={100}
        value={percent}
        aria-label={t('library.readPercent', { percent, title: article.title })}
      />
      <div className="row-actions">
        <button type="button" onClick={onEdit} aria-label={t('library.editLabel', { title: article.title })}>
          {t('app.edit')}
        </button>
        <button
          type="button"
          onClick={onDelete}
          aria-label={t('library.deleteLabel', { title: article.title })}
        >
          {t('app.delete')}
        </button>
      </div>
    </>
  );
}

function EditArticleDialog({ article, onClose }: { article: ArticleMeta; onClose: () => void }) {
  const { t } = useTranslation();
  const updateArticle = useStore((s) => s.updateArticle);
  const [title, setTitle] = useState(article.title);
  const [author, setAuthor] = useState(article.author ?? '');
  // A date with a time is edited with its time (to the minute); left untouched, it is kept exactly.
  const hasTime = article.published?.includes('T') ?? false;
  const shownDate = article.published?.slice(0, hasTime ? 16 : 10) ?? '';
  const [published, setPublished] = useState(shownDate);
  const [tags, setTags] = useState(article.tags.join(', '));
  return (
    <Dialog title={t('library.editTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void updateArticle(article.id, {
            title: title.trim() || article.title,
            author: author.trim() || null,
            published: published === shownDate ? article.published : published || null,
            tags: tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          }).then((ok) => ok && onClose());
        }}
      >
        <label>
          {t('library.fieldTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          {t('library.fieldAuthor')}
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label>
          {t('library.fieldPublished')}
          <input
            type={hasTime ? 'datetime-local' : 'date'}
            value={published}
            onChange={(e) => setPublished(e.target.value)}
          />
        </label>
        <label>
          {t('library.fieldTags')}
          <input value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('app.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteArticleDialog({ article, onClose }: { article: ArticleMeta; onClose: () => void }) {
  const { t } = useTranslation();
  const deleteArticle = useStore((s) => s.deleteArticle);
  return (
    <Dialog title={t('library.deleteTitle', { title: article.title })} onClose={onClose}>
      <p>{t('library.deleteText', { count: article.highlightCount })}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            void deleteArticle(article.id);
          }}
        >
          {t('library.deleteArticle')}
        </button>
      </div>
    </Dialog>
  );
}

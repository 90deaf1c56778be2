import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useDeferredValue,
  useMemo,
  useState,
  type ComponentProps,
} from 'react';
import type { ArticleMeta } from '../../../shared/model/article';
import { useStore } from '../state/store';
import { Dialog } from '../ui/Dialog';
import { WindowedList } from '../ui/WindowedList';
import type { ExportScope } from '../../../shared/model/export';
import { ImportButton } from './ImportButton';
import { ImportProgress } from './ImportProgress';
import { filterArticles, filterTexts, sortArticles, sortedTags, type SortKey } from './visible-articles';

/** The export dialog and its zip writer, loaded when first asked for. */
const LazyExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

function ExportDialog(props: ComponentProps<typeof LazyExportDialog>) {
  return (
    <Suspense fallback={null}>
      <LazyExportDialog {...props} />
    </Suspense>
  );
}

/** Height of an article row not yet measured, px (title and one line of details). */
const ROW_ESTIMATE = 76;

/** The library: the list of articles, or an invitation to import the first one. */
export function LibraryView() {
  const articles = useStore((s) => s.articles);
  const loaded = useStore((s) => s.articlesLoaded);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<SortKey>('recent');
  const [editing, setEditing] = useState<ArticleMeta | null>(null);
  const [deleting, setDeleting] = useState<ArticleMeta | null>(null);
  const [exporting, setExporting] = useState(false);

  const allTags = useMemo(() => sortedTags(new Set(articles.flatMap((a) => a.tags))), [articles]);
  const texts = useMemo(() => filterTexts(articles), [articles]);
  const sorted = useMemo(() => sortArticles(articles, sort), [articles, sort]);
  // The field answers each keystroke at once; the list follows in a render React can interrupt.
  const listQuery = useDeferredValue(query);
  const listTag = useDeferredValue(tag);
  const shown = useMemo(
    () => filterArticles(sorted, listQuery, listTag, texts),
    [sorted, listQuery, listTag, texts],
  );
  const rowKey = useCallback((i: number) => shown[i]!.id, [shown]);

  return (
    <section className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h2 id="library-title">Library</h2>
        {articles.length > 0 && (
          <div className="row">
            <button type="button" onClick={() => setExporting(true)}>
              Export…
            </button>
            <ImportButton className="primary" />
          </div>
        )}
      </div>
      <ImportProgress />
      {loaded && articles.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">Your library is empty</p>
          <p>Import a text, Markdown or HTML article, or drop files onto this window.</p>
          <ImportButton className="primary" />
        </div>
      ) : (
        <>
          <div className="library-toolbar" role="search">
            <input
              type="search"
              aria-label="Filter articles"
              placeholder="Filter by title, author or tag"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <label>
              Tag{' '}
              <select aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
                <option value="">All tags</option>
                {allTags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Sort{' '}
              <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                <option value="recent">Recently added</option>
                <option value="title">Title</option>
                <option value="date">Published date</option>
              </select>
            </label>
          </div>
          <WindowedList
            className="article-list"
            aria-label="Articles"
            count={shown.length}
            rowKey={rowKey}
            estimate={ROW_ESTIMATE}
            rowClassName={() => 'article-row'}
            renderRow={(i) => (
              <ArticleRowMemo
                article={shown[i]!}
                onEdit={() => setEditing(shown[i]!)}
                onDelete={() => setDeleting(shown[i]!)}
              />
            )}
          />
          {loaded && shown.length === 0 && <p className="muted">No article matches this filter.</p>}
        </>
      )}
      {editing && <EditArticleDialog article={editing} onClose={() => setEditing(null)} />}
      {exporting && (
        <ExportDialog
          scopes={[
            { label: 'Whole library', scope: { kind: 'all' } },
            ...(shown.length !== articles.length && shown.length > 0
              ? [
                  {
                    label: `Articles shown (${shown.length})`,
                    scope: { kind: 'articles', ids: shown.map((a) => a.id) } as ExportScope,
                  },
                ]
              : []),
            ...(tag ? [{ label: `Tag #${tag}`, scope: { kind: 'tag', tag } as ExportScope }] : []),
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
  const openArticle = useStore((s) => s.openArticle);
  const percent = Math.round(article.progress * 100);
  return (
    <>
      <div className="article-main">
        <button type="button" className="article-title link" onClick={() => void openArticle(article.id)}>
          {article.title}
        </button>
        <div className="article-meta">
          {article.author && <span>{article.author}</span>}
          {article.published && <span>{formatDate(article.published)}</span>}
          <span>
            {article.highlightCount} {article.highlightCount === 1 ? 'highlight' : 'highlights'}
          </span>
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
        aria-label={`Read ${percent}% of ${article.title}`}
      />
      <div className="row-actions">
        <button type="button" onClick={onEdit} aria-label={`Edit details of ${article.title}`}>
          Edit
        </button>
        <button type="button" onClick={onDelete} aria-label={`Delete ${article.title}`}>
          Delete
        </button>
      </div>
    </>
  );
}

/** A row renders again only for another article value: its callbacks act on the article it shows. */
const ArticleRowMemo = memo(ArticleRow, (before, after) => before.article === after.article);

/** Renders an ISO date (or date and time) the user's way. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function EditArticleDialog({ article, onClose }: { article: ArticleMeta; onClose: () => void }) {
  const updateArticle = useStore((s) => s.updateArticle);
  const [title, setTitle] = useState(article.title);
  const [author, setAuthor] = useState(article.author ?? '');
  // A date with a time is edited with its time (to the minute); left untouched, it is kept exactly.
  const hasTime = article.published?.includes('T') ?? false;
  const shownDate = article.published?.slice(0, hasTime ? 16 : 10) ?? '';
  const [published, setPublished] = useState(shownDate);
  const [tags, setTags] = useState(article.tags.join(', '));
  return (
    <Dialog title="Edit article details" onClose={onClose}>
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
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          Author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label>
          Published
          <input
            type={hasTime ? 'datetime-local' : 'date'}
            value={published}
            onChange={(e) => setPublished(e.target.value)}
          />
        </label>
        <label>
          Tags (comma-separated)
          <input value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteArticleDialog({ article, onClose }: { article: ArticleMeta; onClose: () => void }) {
  const deleteArticle = useStore((s) => s.deleteArticle);
  return (
    <Dialog title={`Delete “${article.title}”?`} onClose={onClose}>
      <p>
        The article and its {article.highlightCount}{' '}
        {article.highlightCount === 1 ? 'highlight' : 'highlights'} will be removed. You can undo this until
        you quit Gloss.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            void deleteArticle(article.id);
          }}
        >
          Delete article
        </button>
      </div>
    </Dialog>
  );
}

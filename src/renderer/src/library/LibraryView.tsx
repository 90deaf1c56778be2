import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../i18n/LanguageSelect';
import type { ArticleMeta } from '../../../shared/model/article';
import { useStore } from '../state/store';
import { useComposedValue } from '../ui/composition';
import { Dialog } from '../ui/Dialog';
import { WindowedList } from '../ui/WindowedList';
import type { ExportScope } from '../../../shared/model/export';
import { ImportButton, ImportPicker } from './ImportButton';
import { LazyExportDialog } from './LazyExportDialog';
import { ImportProgress } from './ImportProgress';
import { filterArticles, sortArticles, sortedTags, type SortKey } from './visible-articles';
import { useFoldedTexts } from './use-folded-texts';
import { rowWords } from './row-words';
import { ArticleRowMemo } from './ArticleRow';

/** Height of an article row not yet measured, px (title and one line of details). */
const ROW_ESTIMATE = 76;

/** The library: the list of articles, or an invitation to import the first one. */
export function LibraryView() {
  const { t, i18n } = useTranslation();
  const openArticle = useStore((s) => s.openArticle);
  const articles = useStore((s) => s.articles);
  const loaded = useStore((s) => s.articlesLoaded);
  const drawnHeights = useStore((s) => s.drawnRowHeights);
  // What the filter field shows, and the filter applied: its text once any composition has ended.
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const composed = useComposedValue(setQuery, setText);
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<SortKey>('recent');
  const [editing, setEditing] = useState<ArticleMeta | null>(null);
  const [deleting, setDeleting] = useState<ArticleMeta | null>(null);
  const [exporting, setExporting] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const allTags = useMemo(() => sortedTags(new Set(articles.flatMap((a) => a.tags))), [articles]);
  const folded = useFoldedTexts(articles);
  const sorted = useMemo(() => sortArticles(articles, sort), [articles, sort]);
  // The field answers each keystroke at once; the list follows in a render React can interrupt.
  const listQuery = useDeferredValue(query);
  const listTag = useDeferredValue(tag);
  const shown = useMemo(
    () => filterArticles(sorted, listQuery, listTag, folded),
    [sorted, listQuery, listTag, folded],
  );
  const rowKey = useCallback((i: number) => shown[i]!.id, [shown]);
  const words = useMemo(() => rowWords(t, i18n.language), [t, i18n.language]);

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
              <ImportButton picker={picker} className="primary" />
            </>
          )}
        </div>
      </div>
      <ImportPicker ref={picker} />
      <ImportProgress />
      {loaded && articles.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('library.emptyTitle')}</p>
          <p>{t('library.emptyText')}</p>
          <ImportButton picker={picker} className="primary" />
        </div>
      ) : (
        <>
          <div className="library-toolbar" role="search">
            <input
              type="search"
              aria-label={t('library.filter')}
              placeholder={t('library.filterPlaceholder')}
              value={text}
              {...composed}
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
            knownHeights={drawnHeights}
            rowClassName={() => 'article-row'}
            renderRow={(i) => (
              <ArticleRowMemo
                article={shown[i]!}
                words={words}
                openArticle={openArticle}
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
        <LazyExportDialog
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

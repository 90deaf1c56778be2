import { memo } from 'react';
import type { ArticleMeta } from '../../../shared/model/article';
import type { RowWords } from './row-words';

/** One article's row; its words and `openArticle` come from the list, so that a row subscribes to nothing. */
export function ArticleRow({
  article,
  words,
  openArticle,
  onEdit,
  onDelete,
}: {
  article: ArticleMeta;
  words: RowWords;
  openArticle: (id: string) => Promise<void>;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const percent = Math.round(article.progress * 100);
  return (
    <>
      <div className="article-main">
        <button type="button" className="article-title link" onClick={() => void openArticle(article.id)}>
          {article.title}
        </button>
        <div className="article-meta">
          {article.author && <span className="article-author">{article.author}</span>}
          {article.published && <span>{words.date(article.published)}</span>}
          <span>{words.highlights(article.highlightCount)}</span>
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
        aria-label={words.readPercent(percent, article.title)}
      />
      <div className="row-actions">
        <button type="button" onClick={onEdit} aria-label={words.editLabel(article.title)}>
          {words.edit}
        </button>
        <button type="button" onClick={onDelete} aria-label={words.deleteLabel(article.title)}>
          {words.delete}
        </button>
      </div>
    </>
  );
}

/** A row renders again only for another article value or language: its callbacks act on its article. */
export const ArticleRowMemo = memo(
  ArticleRow,
  (before, after) => before.article === after.article && before.words === after.words,
);

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameTag } from '../../../shared/model/tag-key';
import type { TagInfo } from '../../../shared/model/tag';
import { Dialog } from '../ui/Dialog';
import { useStore } from '../state/store';

/** All tags with counts in this article and in the library; filter, rename/merge, recolour, delete. */
export function TagPanel({ onFilter }: { onFilter: () => void }) {
  const { t } = useTranslation();
  const tags = useStore((s) => s.tags);
  const annotations = useStore((s) => s.annotations);
  const loadTags = useStore((s) => s.loadTags);
  const filter = useStore((s) => s.notesFilter);
  const setFilter = useStore((s) => s.setNotesFilter);
  const [renaming, setRenaming] = useState<TagInfo | null>(null);

  useEffect(() => {
    void loadTags();
  }, [loadTags, annotations]);

  const inArticle = (name: string) =>
    annotations.filter((a) => a.tags.some((tag) => sameTag(tag, name))).length;

  if (tags.length === 0) return <p className="muted panel-empty">{t('tags.empty')}</p>;
  return (
    <div className="tag-panel">
      <table className="tag-table">
        <thead>
          <tr>
            <th scope="col">{t('tags.tag')}</th>
            <th scope="col" className="count" title={t('tags.hereTitle')}>
              {t('tags.here')}
            </th>
            <th scope="col" className="count" title={t('tags.allTitle')}>
              {t('tags.all')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('tags.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <TagRow
              key={tag.name}
              tag={tag}
              here={inArticle(tag.name)}
              active={sameTag(filter.tag, tag.name)}
              onFilter={() => {
                setFilter({ ...filter, tag: tag.name });
                onFilter();
              }}
              onRename={() => setRenaming(tag)}
            />
          ))}
        </tbody>
      </table>
      {renaming && <RenameTagDialog tag={renaming} onClose={() => setRenaming(null)} />}
    </div>
  );
}

function TagRow({
  tag,
  here,
  active,
  onFilter,
  onRename,
}: {
  tag: TagInfo;
  here: number;
  active: boolean;
  onFilter: () => void;
  onRename: () => void;
}) {
  const { t } = useTranslation();
  const recolorTag = useStore((s) => s.recolorTag);
  const deleteTag = useStore((s) => s.deleteTag);
  return (
    <tr className={active ? 'active' : undefined}>
      <td>
        <button
          type="button"
          className="link"
          aria-label={t('tags.show', { name: tag.name })}
          onClick={onFilter}
        >
          <span className="tag-dot" style={{ background: tag.color ?? 'transparent' }} aria-hidden="true" />#
          {tag.name}
        </button>
      </td>
      <td className="count">{here}</td>
      <td className="count">{tag.count}</td>
      <td>
        <div className="tag-actions">
          <input
            type="color"
            aria-label={t('tags.colourOf', { name: tag.name })}
            value={tag.color ?? '#999999'}
            onChange={(e) => void recolorTag(tag.name, e.target.value)}
          />
          <button type="button" aria-label={t('tags.renameLabel', { name: tag.name })} onClick={onRename}>
            {t('tags.rename')}
          </button>
          <button
            type="button"
            aria-label={t('tags.deleteLabel', { name: tag.name })}
            onClick={() => void deleteTag(tag.name)}
          >
            {t('app.delete')}
          </button>
        </div>
      </td>
    </tr>
  );
}

function RenameTagDialog({ tag, onClose }: { tag: TagInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const renameTag = useStore((s) => s.renameTag);
  const tags = useStore((s) => s.tags);
  const [name, setName] = useState(tag.name);
  const target = tags.find((t) => sameTag(t.name, name) && t.name !== tag.name);
  return (
    <Dialog title={t('tags.renameTitle', { name: tag.name })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void renameTag(tag.name, name.trim()).then((ok) => ok && onClose());
        }}
      >
        <label>
          {t('tags.newName')}
          <input value={name} onChange={(e) => setName(e.target.value)} list="tag-names" required autoFocus />
        </label>
        <datalist id="tag-names">
          {tags.map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
        {target && (
          <p role="note">{t('tags.merge', { target: target.name, count: target.count, own: tag.count })}</p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary">
            {target ? t('tags.mergeButton') : t('tags.rename')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

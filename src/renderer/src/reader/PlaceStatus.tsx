import { useTranslation } from 'react-i18next';
import type { Block } from '../../../shared/model/article';
import { currentEntryIndex } from '../../../shared/text/outline';
import { useStore } from '../state/store';
import { useOutline } from './use-outline';
import { useReadingOffset } from './use-reading-offset';

const NO_BLOCKS: Block[] = [];

/**
 * A status line under a text with contents: the title of the chapter being
 * read (the contents entry at the top of the reading area), which chapter of
 * how many, and how far into the whole text that place is, as a percentage of
 * its characters. Nothing for a text with fewer than two chapters or headings
 * (a title alone is no contents, and a short article keeps its whole height).
 */
export function PlaceStatus({ scroller }: { scroller: HTMLElement | null }) {
  const { t } = useTranslation();
  const content = useStore((s) => s.content);
  const outline = useOutline(content);
  const offset = useReadingOffset(
    scroller,
    content?.blocks ?? NO_BLOCKS,
    content ? Math.round(content.article.progress * content.length) : 0,
  );
  if (!content || outline.length < 2) return null;
  const current = currentEntryIndex(outline, offset);
  const entry = outline[current];
  const percent = content.length > 0 ? Math.min(100, Math.floor((offset / content.length) * 100)) : 0;
  return (
    <div className="place-status" role="status" aria-label={t('reader.place')}>
      <span className="place-chapter">{entry ? entry.label : t('reader.beforeFirst')}</span>
      {entry && (
        <span className="muted">{t('reader.chapterOf', { at: current + 1, count: outline.length })}</span>
      )}
      <span className="muted">{t('reader.placePercent', { percent })}</span>
    </div>
  );
}

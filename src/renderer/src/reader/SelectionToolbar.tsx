import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model/highlight-colors';
import { useStore } from '../state/store';
import type { TextSelection } from './ArticleBody';

/** The small toolbar over a selection: 8 colours (keys 1–8), add note, add tags. */
export function SelectionToolbar({
  selection,
  onHighlight,
  onReattach,
}: {
  selection: TextSelection;
  onHighlight: (color: HighlightColor, then?: 'note' | 'tags') => Promise<void>;
  onReattach: () => void;
}) {
  const { t } = useTranslation();
  // Looked up only while a highlight is selected: the selector runs at every change of the store.
  const orphan = useStore((s) =>
    s.selectedAnnotationId
      ? s.annotations.find((a) => a.id === s.selectedAnnotationId && a.orphaned)
      : undefined,
  );
  const reattach = useStore((s) => s.reattachAnnotation);
  const top = Math.max(8, selection.rect.top - 52);
  const left = Math.max(8, Math.min(window.innerWidth - 420, selection.rect.left));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('reader.selection')}
      style={{ top, left }}
    >
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          type="button"
          className="swatch"
          data-color={color}
          aria-label={t('reader.highlightIn', { colour: t(`colours.${color}`) })}
          aria-keyshortcuts={String(i + 1)}
          title={t('reader.colourKey', { colour: t(`colours.${color}`), key: i + 1 })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void onHighlight(color)}
        />
      ))}
      <button
        type="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void onHighlight('yellow', 'note')}
      >
        {t('reader.addNote')}
      </button>
      <button
        type="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void onHighlight('yellow', 'tags')}
      >
        {t('reader.addTags')}
      </button>
      {orphan && (
        <button
          type="button"
          className="primary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            void reattach(orphan.id, selection.start, selection.end);
            onReattach();
          }}
        >
          {t('reader.reattach')}
        </button>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { isComposing, useComposedValue } from '../ui/composition';

/** Find in article: accent-insensitive by default, "i / N", Enter / Shift+Enter, Escape closes. */
export function FindBar({ onSelectMatch }: { onSelectMatch: () => void }) {
  const { t } = useTranslation();
  const find = useStore((s) => s.find);
  const setFindQuery = useStore((s) => s.setFindQuery);
  const stepFind = useStore((s) => s.stepFind);
  const closeFind = useStore((s) => s.closeFind);
  const whole = useStore((s) => s.content?.whole ?? false);
  const input = useRef<HTMLInputElement>(null);
  // What the field shows; the query runs on it once any input-method composition has ended.
  const [text, setText] = useState(find.query);
  const [shownQuery, setShownQuery] = useState(find.query);
  if (find.query !== shownQuery) {
    setShownQuery(find.query);
    setText(find.query);
  }
  const composed = useComposedValue(setFindQuery, setText);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [find.open]);

  const count = find.matches.starts.length;
  const status = !find.query.trim()
    ? ''
    : !whole
      ? t('find.loading')
      : count === 0
        ? t('find.none')
        : t('find.position', { at: find.current + 1, count });
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        ref={input}
        type="search"
        aria-label={t('find.label')}
        placeholder={t('find.label')}
        value={text}
        {...composed}
        onKeyDown={(e) => {
          if (isComposing(e)) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            stepFind(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            closeFind();
          }
        }}
      />
      <span role="status" className="find-count" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label={t('find.previous')} disabled={!count} onClick={() => stepFind(-1)}>
        ↑
      </button>
      <button type="button" aria-label={t('find.next')} disabled={!count} onClick={() => stepFind(1)}>
        ↓
      </button>
      <label className="check">
        <input
          type="checkbox"
          checked={find.exact}
          onChange={(e) => setFindQuery(find.query, e.target.checked)}
        />
        {t('find.exact')}
      </label>
      <button type="button" disabled={!count} onClick={onSelectMatch}>
        {t('find.select')}
      </button>
      <button type="button" aria-label={t('find.close')} onClick={closeFind}>
        ×
      </button>
    </div>
  );
}

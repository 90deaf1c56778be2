import { useEffect, useRef } from 'react';
import { useStore } from '../state/store';

/** Find in article: accent-insensitive by default, "i / N", Enter / Shift+Enter, Escape closes. */
export function FindBar({ onSelectMatch }: { onSelectMatch: () => void }) {
  const find = useStore((s) => s.find);
  const setFindQuery = useStore((s) => s.setFindQuery);
  const stepFind = useStore((s) => s.stepFind);
  const closeFind = useStore((s) => s.closeFind);
  const whole = useStore((s) => s.content?.whole ?? false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [find.open]);

  const count = find.matches.starts.length;
  const status = !find.query.trim()
    ? ''
    : !whole
      ? 'Loading the article…'
      : count === 0
        ? 'No matches'
        : `${find.current + 1} / ${count}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={find.query}
        onChange={(e) => setFindQuery(e.target.value)}
        onKeyDown={(e) => {
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
      <button type="button" aria-label="Previous match" disabled={!count} onClick={() => stepFind(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={!count} onClick={() => stepFind(1)}>
        ↓
      </button>
      <label className="check">
        <input
          type="checkbox"
          checked={find.exact}
          onChange={(e) => setFindQuery(find.query, e.target.checked)}
        />
        Match accents
      </label>
      <button type="button" disabled={!count} onClick={onSelectMatch}>
        Select match
      </button>
      <button type="button" aria-label="Close find" onClick={closeFind}>
        ×
      </button>
    </div>
  );
}

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../../shared/model/article';
import { currentEntryIndex } from '../../../shared/text/outline';
import { useStore } from '../state/store';
import { useOutline } from './use-outline';
import { useReadingOffset } from './use-reading-offset';

const NO_BLOCKS: Block[] = [];

/** Moves focus among the entries with the arrow keys, Home and End. */
function onListKey(e: KeyboardEvent<HTMLOListElement>): void {
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    e.key === 'ArrowDown'
      ? at + 1
      : e.key === 'ArrowUp'
        ? at - 1
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? -1
            : null;
  if (next === null) return;
  e.preventDefault();
  buttons.at(Math.max(-1, Math.min(next, buttons.length - 1)))?.focus();
}

/**
 * The contents of the open article: a book's table of contents, or the
 * headings of an article. The entry being read is marked (aria-current) and
 * kept in view as the text scrolls; clicking an entry, or Enter on it, brings
 * its place to the top of the reading area. Arrow keys, Home and End move
 * between entries.
 */
export function ContentsPanel({ scroller, onJump }: { scroller: HTMLElement | null; onJump?: () => void }) {
  const { t } = useTranslation();
  const content = useStore((s) => s.content);
  const scrollTo = useStore((s) => s.scrollTo);
  const outline = useOutline(content);
  const offset = useReadingOffset(
    scroller,
    content?.blocks ?? NO_BLOCKS,
    content ? Math.round(content.article.progress * content.length) : 0,
    content?.pages,
  );
  const current = currentEntryIndex(outline, offset);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <nav className="contents-panel" aria-label={t('panel.contents')}>
      <h3>{t('panel.contents')}</h3>
      {outline.length === 0 ? (
        <p className="empty">{t('panel.noContents')}</p>
      ) : (
        <ol className="contents-list" ref={list} onKeyDown={onListKey}>
          {outline.map((entry, i) => (
            <li key={`${entry.offset}-${i}`} data-level={Math.min(entry.level, 6)}>
              <button
                type="button"
                aria-current={i === current ? 'location' : undefined}
                onClick={() => {
                  scrollTo(entry.offset, 'start');
                  onJump?.();
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

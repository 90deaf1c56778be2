import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { blockNear } from '../../../shared/text/blocks';
import type { ReaderContent } from '../state/types';
import { useStore } from '../state/store';
import { blockAtTop } from './dom-offsets';

/** A book's internal link, as the importer writes it: `#gloss-link-<offset>` or `#gloss-note-<offset>`. */
const INTERNAL = /^#gloss-(link|note)-(\d+)$/;

/** What a footnote popover shows, and the link it came from. */
interface Note {
  text: string;
  offset: number;
  link: HTMLAnchorElement;
  top: number;
  left: number;
}

/**
 * Links inside a book: a link to another chapter or place jumps there, with a Back button to return;
 * a footnote reference opens a popover with the note's text (Escape or a click outside closes it, and
 * focus goes back to the reference), from which the note itself can be opened.
 * `handle` takes a clicked link and returns true when it was one of these.
 */
export function useBookLinks(
  content: ReaderContent,
  scroller: HTMLElement | null,
): { handle: (link: HTMLAnchorElement) => boolean; overlay: ReactNode } {
  const { t } = useTranslation();
  const scrollTo = useStore((s) => s.scrollTo);
  const [back, setBack] = useState<number | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const popover = useRef<HTMLDivElement>(null);
  const { blocks, text, textStart } = content;

  const jump = useCallback(
    (offset: number, from: HTMLElement) => {
      const here = from.closest<HTMLElement>('[data-block]') ?? (scroller && blockAtTop(scroller));
      const block = here ? blocks[Number(here.dataset.block)] : undefined;
      if (block) setBack(block.start);
      scrollTo(offset, 'start');
    },
    [blocks, scrollTo, scroller],
  );

  const handle = useCallback(
    (link: HTMLAnchorElement): boolean => {
      const match = INTERNAL.exec(link.getAttribute('href') ?? '');
      if (!match) return false;
      const offset = Number(match[2]);
      if (match[1] === 'link') {
        jump(offset, link);
        return true;
      }
      const block = blocks[blockNear(blocks, offset)];
      const noteText = block ? text.slice(block.start - textStart, block.end - textStart) : '';
      const rect = link.getBoundingClientRect();
      setNote({
        text: noteText.replace(/\s*↩\uFE0E?$/, ''),
        offset,
        link,
        top: rect.bottom + 6,
        left: rect.left,
      });
      return true;
    },
    [blocks, jump, text, textStart],
  );

  const closeNote = useCallback(() => {
    setNote((current) => {
      current?.link.focus();
      return null;
    });
  }, []);

  useEffect(() => {
    if (!note) return;
    popover.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeNote();
    };
    const onDown = (e: MouseEvent) => {
      if (!popover.current?.contains(e.target as Node)) setNote(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [note, closeNote]);

  const overlay = (
    <>
      {note && (
        <div
          ref={popover}
          className="note-popover"
          role="dialog"
          aria-label={t('book.footnote')}
          tabIndex={-1}
          style={{ top: note.top, left: Math.min(note.left, window.innerWidth - 340) }}
        >
          <p>{note.text}</p>
          <button
            type="button"
            onClick={() => {
              jump(note.offset, note.link);
              setNote(null);
            }}
          >
            {t('book.goToNote')}
          </button>
        </div>
      )}
      {back !== null && (
        <button
          type="button"
          className="link-back"
          onClick={() => {
            scrollTo(back, 'center');
            setBack(null);
          }}
        >
          {t('book.back')}
        </button>
      )}
    </>
  );
  return { handle, overlay };
}

import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameTag } from '../../../shared/model/tag-key';
import { fold } from '../../../shared/text/fold';
import type { Annotation } from '../../../shared/model/annotation';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/model/highlight-colors';
import { renderMarkdown } from '../ui/markdown';
import { WindowedList } from '../ui/WindowedList';
import { AnnotationEditor } from './AnnotationEditor';
import { DiscardPrompt } from './DiscardPrompt';
import { useDraft } from './use-draft';
import type { NotesFilter } from '../state/types';
import { useStore } from '../state/store';
import { isComposing, useComposedValue } from '../ui/composition';
import { pageOfTarget } from '../../../shared/pdf/pages';
import { AreaThumbnail } from './pdf/AreaThumbnail';

/** Highlights matching the filter (text is accent-insensitive over quote, note and tags). */
export function filterAnnotations(list: Annotation[], filter: NotesFilter): Annotation[] {
  const needle = fold(filter.text.trim());
  // No filter: the same list, so a new highlight among thousands is not followed by a pass over them all.
  if (!filter.color && !filter.tag && !needle) return list;
  return list.filter(
    (a) =>
      (!filter.color || a.color === filter.color) &&
      (!filter.tag || a.tags.some((t) => sameTag(t, filter.tag))) &&
      (!needle || fold(`${a.target.quote.exact} ${a.note} ${a.tags.join(' ')}`).includes(needle)),
  );
}

/** Height of a highlight row not yet measured, px (a quote of two lines). */
const ROW_ESTIMATE = 72;

/** The article note, the selected highlight's editor, and every highlight in document order. */
export function NotesPanel({
  focusEditor,
  onEditorFocused,
}: {
  focusEditor: 'note' | 'tags' | null;
  onEditorFocused: () => void;
}) {
  const { t } = useTranslation();
  const annotations = useStore((s) => s.annotations);
  const selectedId = useStore((s) => s.selectedAnnotationId);
  const filter = useStore((s) => s.notesFilter);
  const setFilter = useStore((s) => s.setNotesFilter);
  const whole = useStore((s) => s.content?.whole ?? false);
  const selected = annotations.find((a) => a.id === selectedId);
  const placed = useMemo(() => annotations.filter((a) => !a.orphaned), [annotations]);
  const orphans = useMemo(() => annotations.filter((a) => a.orphaned), [annotations]);
  const shown = useMemo(() => filterAnnotations(placed, filter), [placed, filter]);
  const rowKey = useCallback((i: number) => shown[i]!.id, [shown]);
  const selectedIndex = useMemo(
    () => (selectedId ? shown.findIndex((a) => a.id === selectedId) : -1),
    [shown, selectedId],
  );
  const tags = useMemo(() => [...new Set(annotations.flatMap((a) => a.tags))].sort(), [annotations]);
  // The text filter applies once any input-method composition has ended; the field shows what is typed.
  const [text, setText] = useState(filter.text);
  const [shownText, setShownText] = useState(filter.text);
  if (filter.text !== shownText) {
    setShownText(filter.text);
    setText(filter.text);
  }
  const applyText = useCallback(
    (value: string) => setFilter({ ...useStore.getState().notesFilter, text: value }),
    [setFilter],
  );
  const composed = useComposedValue(applyText, setText);

  return (
    <div className="notes-panel">
      <ArticleNote />
      {selected && (
        <AnnotationEditor
          key={selected.id}
          annotation={selected}
          focus={focusEditor}
          onFocused={onEditorFocused}
        />
      )}
      <h3 id="highlights-heading">
        {t('notes.highlights')}{' '}
        <span className="muted">
          (
          {shown.length === placed.length
            ? t('app.number', { value: placed.length })
            : t('notes.shownOf', { shown: shown.length, count: placed.length })}
          )
        </span>
      </h3>
      {!whole && (
        <p role="status" className="muted">
          {t('notes.loading')}
        </p>
      )}
      <div className="notes-filters" role="group" aria-label={t('notes.filters')}>
        <input
          type="search"
          aria-label={t('notes.filterText')}
          placeholder={t('notes.filterPlaceholder')}
          value={text}
          {...composed}
        />
        <select
          aria-label={t('notes.filterColour')}
          value={filter.color}
          onChange={(e) => setFilter({ ...filter, color: e.target.value as HighlightColor | '' })}
        >
          <option value="">{t('notes.allColours')}</option>
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {t(`colours.${c}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('notes.filterTag')}
          value={filter.tag}
          onChange={(e) => setFilter({ ...filter, tag: e.target.value })}
        >
          <option value="">{t('notes.allTags')}</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="highlight-scroll">
        <WindowedList
          className="highlight-list"
          aria-labelledby="highlights-heading"
          count={shown.length}
          rowKey={rowKey}
          estimate={ROW_ESTIMATE}
          scrollTo={selectedIndex}
          rowClassName={(i) => `highlight-item${i === selectedIndex ? ' selected' : ''}`}
          renderRow={(i) => <HighlightItem annotation={shown[i]!} selected={i === selectedIndex} />}
        />
      </div>
      {placed.length > 0 && shown.length === 0 && <p className="muted">{t('notes.noMatch')}</p>}
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">{t('notes.orphans', { count: orphans.length })}</h3>
          <p className="muted">{t('notes.orphansHelp')}</p>
          <ul className="highlight-list">
            {orphans.map((a) => (
              <li key={a.id} className={`highlight-item${a.id === selectedId ? ' selected' : ''}`}>
                <HighlightItem annotation={a} selected={a.id === selectedId} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One highlight's row content (its `<li>` is the list's): quote, note and tags. */
function HighlightItem({ annotation, selected }: { annotation: Annotation; selected: boolean }) {
  const { t } = useTranslation();
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const scrollTo = useStore((s) => s.scrollTo);
  const pages = useStore((s) => s.content?.pages);
  const page = pages && !annotation.orphaned ? pageOfTarget(pages, annotation.target) : undefined;
  const area = annotation.target.area;
  const quote = area
    ? t('notes.areaOn', { page: page?.label ?? String(area.page + 1) })
    : annotation.target.quote.exact;
  const open = () => {
    selectAnnotation(annotation.id);
    if (!annotation.orphaned) scrollTo(annotation.target.position.start);
  };
  return (
    <>
      <button
        type="button"
        className="highlight-open"
        aria-label={
          area
            ? quote
            : page
              ? t('notes.openOnPage', { page: page.label, quote: quote.slice(0, 80) })
              : t('notes.open', { quote: quote.slice(0, 80) })
        }
        aria-current={selected ? 'true' : undefined}
        onClick={open}
      >
        <span className="swatch" data-color={annotation.color} aria-hidden="true" />
        {page && !area && <span className="highlight-page">{t('notes.page', { page: page.label })}</span>}
        {area ? <span className="quote">{quote}</span> : <q className="quote">{quote}</q>}
      </button>
      {area && <AreaThumbnail area={area} label={areaLabel(quote, annotation.note)} onOpen={open} />}
      {annotation.note && (
        <div
          className="note-rendered"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(annotation.note) }}
        />
      )}
      {annotation.tags.length > 0 && (
        <div className="tag-row">
          {annotation.tags.map((t) => (
            <span key={t} className="tag-chip">
              #{t}
            </span>
          ))}
        </div>
      )}
    </>
  );
}

/** An area's picture is named by the first line of its note, else by its place ("Area on p. 4"). */
function areaLabel(place: string, note: string): string {
  const line = note.trim().split('\n')[0]?.trim() ?? '';
  return line ? line.slice(0, 120) : place;
}

function ArticleNote() {
  const { t } = useTranslation();
  const content = useStore((s) => s.content);
  const [editing, setEditing] = useState(false);
  if (!content) return null;
  return (
    <section className="article-note" aria-labelledby="article-note-heading">
      <h3 id="article-note-heading">{t('notes.articleNote')}</h3>
      {editing ? (
        <ArticleNoteEditor key={content.article.id} saved={content.note} onClose={() => setEditing(false)} />
      ) : (
        <>
          {content.note ? (
            <div
              className="note-rendered"
              dangerouslySetInnerHTML={{ __html: renderMarkdown(content.note) }}
            />
          ) : (
            <p className="muted">{t('notes.noNote')}</p>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            {t('notes.editNote')}
          </button>
        </>
      )}
    </section>
  );
}

/** The article note being written: saved after a pause, on Ctrl/Cmd+Enter and on closing; Escape asks. */
function ArticleNoteEditor({ saved, onClose }: { saved: string; onClose: () => void }) {
  const { t } = useTranslation();
  const setArticleNote = useStore((s) => s.setArticleNote);
  const note = useDraft(
    saved,
    (value) => void setArticleNote(value),
    (a, b) => a === b,
  );
  const [discarding, setDiscarding] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <textarea
        ref={field}
        aria-label={t('notes.noteField')}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        value={note.draft}
        rows={5}
        autoFocus
        onChange={(e) => note.setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (isComposing(e)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            note.saveNow();
            onClose();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (note.dirty) setDiscarding(true);
            else onClose();
          }
        }}
      />
      {discarding && (
        <DiscardPrompt
          what="articleNote"
          onDiscard={() => {
            note.revert();
            setDiscarding(false);
            onClose();
          }}
          onKeep={() => {
            setDiscarding(false);
            field.current?.focus();
          }}
        />
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => {
            note.saveNow();
            onClose();
          }}
        >
          {t('notes.saveNote')}
        </button>
        <button type="button" onClick={() => (note.dirty ? setDiscarding(true) : onClose())}>
          {t('app.cancel')}
        </button>
      </div>
    </>
  );
}

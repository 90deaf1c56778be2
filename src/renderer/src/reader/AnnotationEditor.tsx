import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { glossLink } from '../../../shared/links/gloss-link';
import type { Annotation } from '../../../shared/model/annotation';
import { useStore } from '../state/store';
import { ColorRadioGroup } from '../ui/ColorRadioGroup';
import { isComposing } from '../ui/composition';
import { DiscardPrompt } from './DiscardPrompt';
import { useDraft } from './use-draft';

/** Tags as typed ("a, b") to a list. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

const sameText = (a: string, b: string) => a === b;
const sameTags = (a: string, b: string) => parseTags(a).join('\n') === parseTags(b).join('\n');

/**
 * The selected highlight: its quote, colour, note and tags. What is typed is saved after a pause, on
 * Ctrl/Cmd+Enter (note) or Enter (tags), and when the editor goes away; Escape offers to discard it.
 */
export function AnnotationEditor({
  annotation,
  focus,
  onFocused,
}: {
  annotation: Annotation;
  focus: 'note' | 'tags' | null;
  onFocused: () => void;
}) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateAnnotation);
  const remove = useStore((s) => s.deleteAnnotation);
  const select = useStore((s) => s.selectAnnotation);
  const allTags = useStore((s) => s.tags);
  const notify = useStore((s) => s.notify);
  const { id } = annotation;
  const pages = useStore((s) => s.content?.pages);
  const areaLabel = annotation.target.area
    ? (pages?.[annotation.target.area.page]?.label ?? String(annotation.target.area.page + 1))
    : '';
  const note = useDraft(annotation.note, (value) => void update(id, { note: value }), sameText);
  const tags = useDraft(
    annotation.tags.join(', '),
    (value) => void update(id, { tags: parseTags(value) }),
    sameTags,
  );
  const [discarding, setDiscarding] = useState<'note' | 'tags' | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A highlight just made with "Add note" or "Add tags" puts the cursor in that field.
  useEffect(() => {
    if (!focus) return;
    (focus === 'note' ? noteRef : tagsRef).current?.focus();
    onFocused();
  }, [focus, onFocused]);
  // Otherwise the editor's heading takes focus once, so the keyboard continues from there.
  const initialFocus = useRef(focus);
  useEffect(() => {
    if (initialFocus.current) return;
    // Without scrolling, which would lay the page out here; the frame lays it out, then it scrolls.
    heading.current?.focus({ preventScroll: true });
    const frame = requestAnimationFrame(() => heading.current?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, []);

  const escape = (field: 'note' | 'tags') => (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    if ((field === 'note' ? note : tags).dirty) setDiscarding(field);
    else select(null);
  };

  const state = note.dirty || tags.dirty ? t('editor.unsaved') : t('editor.saved');
  return (
    <section className="annotation-editor" aria-labelledby="annotation-editor-heading">
      <h3 id="annotation-editor-heading" ref={heading} tabIndex={-1}>
        {t('editor.heading')}
      </h3>
      <blockquote className="quote-block" data-color={annotation.color}>
        {annotation.target.area ? t('notes.areaOn', { page: areaLabel }) : annotation.target.quote.exact}
      </blockquote>
      <ColorRadioGroup value={annotation.color} onChange={(color) => void update(id, { color })} />
      <label>
        {t('editor.note')}
        <textarea
          ref={noteRef}
          rows={4}
          value={note.draft}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onChange={(e) => note.setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (isComposing(e)) return;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              note.saveNow();
            } else escape('note')(e);
          }}
        />
      </label>
      {discarding === 'note' && (
        <DiscardPrompt
          what="note"
          onDiscard={() => {
            note.revert();
            setDiscarding(null);
          }}
          onKeep={() => {
            setDiscarding(null);
            noteRef.current?.focus();
          }}
        />
      )}
      <label>
        {t('editor.tags')}
        <input
          ref={tagsRef}
          list="known-tags"
          value={tags.draft}
          onChange={(e) => tags.setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (isComposing(e)) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              tags.saveNow();
            } else escape('tags')(e);
          }}
        />
      </label>
      {discarding === 'tags' && (
        <DiscardPrompt
          what="tags"
          onDiscard={() => {
            tags.revert();
            setDiscarding(null);
          }}
          onKeep={() => {
            setDiscarding(null);
            tagsRef.current?.focus();
          }}
        />
      )}
      <datalist id="known-tags">
        {allTags.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      <p className="muted draft-state" role="status">
        {t('editor.keys', { state })}
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!note.dirty && !tags.dirty}
          onClick={() => {
            note.saveNow();
            tags.saveNow();
          }}
        >
          {t('app.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            const link = glossLink({
              kind: 'highlight',
              articleId: annotation.articleId,
              highlightId: annotation.id,
            });
            navigator.clipboard.writeText(link).then(
              () => notify('info', t('editor.linkCopied')),
              () => notify('error', t('editor.linkRefused', { link })),
            );
          }}
        >
          {t('editor.copyLink')}
        </button>
        <button type="button" className="danger" onClick={() => void remove(id)}>
          {t('editor.delete')}
        </button>
        <button type="button" onClick={() => select(null)}>
          {t('app.close')}
        </button>
      </div>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type Annotation } from '../../../shared/model/annotation';
import { useStore } from '../state/store';
import { HIGHLIGHT_STYLES } from '../ui/colors';

/** The selected highlight: its quote, colour, note and tags, with save, delete and close. */
export function AnnotationEditor({
  annotation,
  focus,
  onFocused,
}: {
  annotation: Annotation;
  focus: 'note' | 'tags' | null;
  onFocused: () => void;
}) {
  const update = useStore((s) => s.updateAnnotation);
  const remove = useStore((s) => s.deleteAnnotation);
  const select = useStore((s) => s.selectAnnotation);
  const allTags = useStore((s) => s.tags);
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focus === 'note') noteRef.current?.focus();
    else if (focus === 'tags') tagsRef.current?.focus();
    else {
      // Without scrolling, which would lay the page out here; the frame lays it out, then it scrolls.
      heading.current?.focus({ preventScroll: true });
      const frame = requestAnimationFrame(() => heading.current?.scrollIntoView({ block: 'nearest' }));
      return () => cancelAnimationFrame(frame);
    }
    onFocused();
  }, [focus, onFocused]);

  const parsedTags = tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const dirty = note !== annotation.note || parsedTags.join('\n') !== annotation.tags.join('\n');

  return (
    <section className="annotation-editor" aria-labelledby="annotation-editor-heading">
      <h3 id="annotation-editor-heading" ref={heading} tabIndex={-1}>
        Selected highlight
      </h3>
      <blockquote className="quote-block" data-color={annotation.color}>
        {annotation.target.quote.exact}
      </blockquote>
      <div role="radiogroup" aria-label="Colour" className="swatches">
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={annotation.color === c}
            aria-label={HIGHLIGHT_STYLES[c].label}
            className="swatch"
            data-color={c}
            onClick={() => void update(annotation.id, { color: c })}
          />
        ))}
      </div>
      <label>
        Note (Markdown)
        <textarea ref={noteRef} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        Tags (comma-separated)
        <input ref={tagsRef} list="known-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <datalist id="known-tags">
        {allTags.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!dirty}
          onClick={() => void update(annotation.id, { note, tags: parsedTags })}
        >
          Save
        </button>
        <button type="button" className="danger" onClick={() => void remove(annotation.id)}>
          Delete highlight
        </button>
        <button type="button" onClick={() => select(null)}>
          Close
        </button>
      </div>
    </section>
  );
}

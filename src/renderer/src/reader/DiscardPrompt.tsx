import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks whether to throw away what was typed in a field; "Keep editing" is focused, so Enter keeps it. */
export function DiscardPrompt({
  what,
  onDiscard,
  onKeep,
}: {
  /** The field: a highlight's note or tags, or the article note. */
  what: 'note' | 'tags' | 'articleNote';
  onDiscard: () => void;
  onKeep: () => void;
}) {
  const { t } = useTranslation();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="discard-prompt" role="alertdialog" aria-label={t(`discard.${what}`)}>
      <p>{t(`discard.${what}`)}</p>
      <button type="button" ref={keep} onClick={onKeep}>
        {t('discard.keep')}
      </button>
      <button type="button" className="danger" onClick={onDiscard}>
        {t('discard.discard')}
      </button>
    </div>
  );
}

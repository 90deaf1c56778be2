import { useEffect, useRef } from 'react';

/** Asks whether to throw away what was typed in a field; "Keep editing" is focused, so Enter keeps it. */
export function DiscardPrompt({
  what,
  onDiscard,
  onKeep,
}: {
  what: string;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="discard-prompt" role="alertdialog" aria-label={`Discard changes to the ${what}?`}>
      <p>Discard the changes to the {what}?</p>
      <button type="button" ref={keep} onClick={onKeep}>
        Keep editing
      </button>
      <button type="button" className="danger" onClick={onDiscard}>
        Discard changes
      </button>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';

/** Pause in typing after which a draft is saved, in ms. */
export const AUTOSAVE_DELAY_MS = 1000;

/** A draft of a saved value, as `useDraft` gives it. */
export interface Draft<T> {
  draft: T;
  setDraft(value: T): void;
  /** True while the draft differs from the saved value. */
  dirty: boolean;
  /** Saves the draft now (no-op when not dirty). */
  saveNow(): void;
  /** Puts the saved value back into the draft. */
  revert(): void;
}

/**
 * A draft of `saved` that is never lost: saved after a pause in typing, when the component goes away
 * (another highlight chosen, the editor closed, the article left) or the page (in a browser, which
 * also asks first). When `saved` changes from elsewhere (undo, another window) and the draft
 * had no changes of its own, the draft follows it.
 */
export function useDraft<T>(saved: T, save: (value: T) => void, same: (a: T, b: T) => boolean): Draft<T> {
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState(saved);
  if (!same(saved, base)) {
    setBase(saved);
    if (same(draft, base)) setDraft(saved);
  }
  const dirty = !same(draft, saved);
  const latest = useRef({ draft, dirty, save });
  useEffect(() => {
    latest.current = { draft, dirty, save };
  });

  const saveNow = useCallback(() => {
    const { draft, dirty, save } = latest.current;
    if (!dirty) return;
    latest.current = { ...latest.current, dirty: false };
    save(draft);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      saveNow();
      // A browser tab asks before it goes; in the desktop app this would silently keep the window open,
      // and the save just sent is flushed before Gloss quits.
      if (!window.gloss) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, draft, saveNow]);

  // Leaving (unmount) saves what was typed.
  useEffect(() => saveNow, [saveNow]);

  const revert = () => {
    // Not saved on leaving, even if the component goes away before it renders again.
    latest.current = { ...latest.current, draft: saved, dirty: false };
    setDraft(saved);
  };
  return { draft, setDraft, dirty, saveNow, revert };
}

import { useCallback, useRef, type CompositionEvent } from 'react';

/**
 * True while an input method (Telex, VNI, a CJK IME…) is composing: the key belongs to it, not to a
 * shortcut. Takes a DOM or React keyboard event (229 is the key code browsers give keys an IME took).
 */
export function isComposing(e: {
  isComposing?: boolean;
  keyCode?: number;
  nativeEvent?: { isComposing?: boolean };
}): boolean {
  return Boolean(e.isComposing || e.nativeEvent?.isComposing || e.keyCode === 229);
}

/** What `useComposedValue` gives a text field: handlers to spread on it, and `change` for its onChange. */
export interface ComposedValue {
  onCompositionStart: () => void;
  onCompositionEnd: (e: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  /** Hands `value` on at once, unless a composition is under way (then its end hands it on). */
  change: (value: string) => void;
}

/**
 * Hands a field's value to `commit` (a query to run, a filter to apply) only once each input-method
 * composition has ended, so "dang" typed with Telex searches for "đang", never for "dan" or "dang".
 */
export function useComposedValue(commit: (value: string) => void): ComposedValue {
  const composing = useRef(false);
  const onCompositionStart = useCallback(() => {
    composing.current = true;
  }, []);
  const onCompositionEnd = useCallback(
    (e: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      composing.current = false;
      commit(e.currentTarget.value);
    },
    [commit],
  );
  const change = useCallback(
    (value: string) => {
      if (!composing.current) commit(value);
    },
    [commit],
  );
  return { onCompositionStart, onCompositionEnd, change };
}

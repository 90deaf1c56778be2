import { useCallback, useRef, type ChangeEvent, type CompositionEvent } from 'react';

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

/** What `useComposedValue` gives a text field: the props to spread on it. */
export interface ComposedFieldProps {
  /** Shows the typed value at once and hands it on, unless a composition is under way. */
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onCompositionStart: () => void;
  /** Hands the composed value on. */
  onCompositionEnd: (e: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/**
 * The change and composition handlers of a text field that shows what is typed at once (`show`, the
 * field's own state) and hands its value to `commit` (a query to run, a filter to apply) only once each
 * input-method composition has ended, so "dang" typed with Telex searches for "đang", never for "dan" or
 * "dang". Spread the result on the field: `<input value={text} {...useComposedValue(run, setText)} />`.
 */
export function useComposedValue(
  commit: (value: string) => void,
  show: (value: string) => void,
): ComposedFieldProps {
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
  const onChange = useCallback(
    (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      show(e.target.value);
      if (!composing.current) commit(e.target.value);
    },
    [commit, show],
  );
  return { onChange, onCompositionStart, onCompositionEnd };
}

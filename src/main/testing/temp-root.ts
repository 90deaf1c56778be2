import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * The temporary folder of one test run (`gloss-<name>-<pid>` under the system's), made now. A config
 * gives it to its tests as TMPDIR, so every folder a test makes with `os.tmpdir()`, and every process
 * it starts, lands inside; the global setup `removeTempRoot` deletes it when the run ends.
 */
export function tempRoot(name: string): string {
  const root = path.join(os.tmpdir(), `gloss-${name}-${process.pid}`);
  mkdirSync(root, { recursive: true });
  return root;
}

/** Vitest global setup: deletes the run's temporary folder (its tests' TMPDIR) once the run ends. */
export default function removeTempRoot(project: TestProject): () => void {
  const root = project.config.env.TMPDIR;
  return () => {
    if (root?.includes('gloss-')) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** Where `gloss serve` last listened for one library, and with which token. */
const servedSchema = z.object({ port: z.int().min(1).max(65535), token: z.string().min(16) });
/** A value `servedSchema` accepts. */
export type Served = z.output<typeof servedSchema>;
const stateSchema = z.record(z.string(), servedSchema);

/** Libraries whose last port is remembered. */
const REMEMBERED = 20;

/** The file, in Gloss's data folder, that remembers the last port and token of each library served. */
export function serveStateFile(dataDir: string): string {
  return path.join(dataDir, 'serve.json');
}

/** The last port and token `gloss serve` used for `library`; null when unknown or the file is unreadable. */
export async function lastServed(dataDir: string, library: string): Promise<Served | null> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(serveStateFile(dataDir), 'utf8')));
    return parsed.success ? (parsed.data[library] ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the port and token `library` is served with, readable by this user only (the token
 * opens the library). Best effort: a folder that cannot be written only means a new port next time.
 */
export async function rememberServed(dataDir: string, library: string, served: Served): Promise<void> {
  try {
    let state: z.output<typeof stateSchema> = {};
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await readFile(serveStateFile(dataDir), 'utf8')));
      if (parsed.success) state = parsed.data;
    } catch {
      // No file yet, or a damaged one: start again.
    }
    delete state[library];
    state[library] = served;
    // The libraries served most recently only.
    const kept = Object.entries(state).slice(-REMEMBERED);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const file = serveStateFile(dataDir);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
  } catch {
    // Not remembered: the next start picks a free port.
  }
}

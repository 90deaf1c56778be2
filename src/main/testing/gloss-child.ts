import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_BUILD_DIR } from './build-main';

/** A `gloss serve` child process built from source (see build-main.ts), once it is serving. */
export interface ServingGloss {
  child: ChildProcess;
  /** The address printed by `gloss serve --json`, token in its fragment. */
  url: string;
  /** Everything the child wrote on stderr so far. */
  stderr(): string;
  /** Resolves with the exit code and signal once the child has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `gloss --library DIR --json serve` and resolves once it prints its address. */
export function serveGloss(libraryDir: string): Promise<ServingGloss> {
  const child = spawn(
    process.execPath,
    [path.join(TEST_BUILD_DIR, 'cli.js'), '--library', libraryDir, '--json', 'serve'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url, stderr: () => err, exited });
    });
    void exited.then(({ code }) => reject(new Error(`gloss serve exited with ${code}: ${err}`)));
  });
}

/** Calls the API of a served Gloss as its page does: the token from the address's fragment in a header. */
export async function callApi(url: string, method: string, params: unknown): Promise<unknown> {
  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token') ?? '';
  const response = await fetch(new URL(`/api/${method}`, address.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
    body: JSON.stringify(params),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value;
}

import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { GlossError } from '../../../shared/result';
import type { ExportSource } from '../export';
import { VaultExporter, type ChangeFollow } from './vault-exporter';
import type { Notice } from '../../../shared/model/notice';

const remembered = z.record(z.string(), z.string());

/** Options of {@link VaultControl}. */
export interface VaultControlOptions {
  libraryPath: string;
  source: ExportSource;
  changes: ChangeFollow;
  notify: (said: Notice) => void;
  /** Gloss's per-computer folder, where the export folder of each library is remembered; none: this run only. */
  dataDir?: string;
}

/**
 * The export folder of one library on this computer: set, remembered (per
 * computer, outside the library, since paths differ between computers),
 * resumed at start, and kept current by a {@link VaultExporter}.
 */
export class VaultControl {
  private exporter: VaultExporter | null = null;

  constructor(private readonly options: VaultControlOptions) {}

  private get stateFile(): string | null {
    return this.options.dataDir ? path.join(this.options.dataDir, 'export-folders.json') : null;
  }

  private async readState(): Promise<Record<string, string>> {
    if (!this.stateFile) return {};
    try {
      const parsed = remembered.safeParse(JSON.parse(await readFile(this.stateFile, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  private async remember(folder: string | null): Promise<void> {
    const file = this.stateFile;
    if (!file) return;
    const state = await this.readState();
    if (folder === null) delete state[this.options.libraryPath];
    else state[this.options.libraryPath] = folder;
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
  }

  /** Resumes keeping the remembered folder current (a folder gone meanwhile is reported, then retried). */
  async resume(): Promise<void> {
    const folder = (await this.readState())[this.options.libraryPath];
    if (folder) this.follow(folder);
  }

  private follow(folder: string | null, notify = this.options.notify): void {
    if (folder === null) return;
    this.exporter = new VaultExporter({ ...this.options, folder, notify });
    this.exporter.start();
  }

  /** The folder kept current and its last failure. */
  status(): { folder: string | null; problem: Notice | null } {
    return this.exporter ? this.exporter.status() : { folder: null, problem: null };
  }

  /**
   * Keeps `folder` current from now on (every article with highlights or a
   * note is exported into it at once), or stops with null; remembered for
   * the next start. `notify` replaces the options' one for this folder
   * (the CLI prints failures itself).
   * @throws GlossError('invalid-argument') for a relative path, a path that
   * is not an existing folder, or one inside the library.
   */
  async set(
    folder: string | null,
    notify?: (said: Notice) => void,
  ): Promise<{ folder: string | null; problem: Notice | null }> {
    if (folder !== null) await this.check(folder);
    await this.exporter?.stop();
    this.exporter = null;
    const chosen = folder === null ? null : path.resolve(folder);
    this.follow(chosen, notify);
    await this.remember(chosen);
    return this.status();
  }

  private async check(folder: string): Promise<void> {
    if (!path.isAbsolute(folder)) {
      throw new GlossError('invalid-argument', `Give the export folder’s full path, not “${folder}”.`);
    }
    const isFolder = await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder)
      throw new GlossError('invalid-argument', `There is no folder “${folder}”. Create it first.`);
    const inside = path.relative(this.options.libraryPath, path.resolve(folder));
    if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
      throw new GlossError('invalid-argument', 'The export folder cannot be inside the library folder.');
    }
  }

  /** Writes what is pending now. Never rejects. */
  async flush(): Promise<void> {
    await this.exporter?.flush();
  }

  /** Writes what is pending and stops following changes. Never rejects. */
  async stop(): Promise<void> {
    await this.exporter?.stop();
  }
}

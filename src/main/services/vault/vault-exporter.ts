import type { ChangeEvent } from '../../../shared/model/change';
import { renderExport, writeExportFiles, type ExportSource } from '../export';
import { articleFiles } from './folder-index';
import { markRemoved } from './removed';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** What the exporter needs of the change feed. */
export interface ChangeFollow {
  subscribe(subscriber: (event: ChangeEvent) => void): () => void;
}

/** Options of a {@link VaultExporter}. */
export interface VaultExporterOptions {
  /** Absolute path of the export folder; it must exist (it is never created, so an unplugged disk is not mistaken for it). */
  folder: string;
  source: ExportSource;
  changes: ChangeFollow;
  /** Tells the user something, once per distinct failure and once when it is over. */
  notify: (said: Notice) => void;
  /** Quiet time after the last change before exporting, in ms. Default 1500. */
  delayMs?: number;
  /** Longest wait after the first of a stream of changes, in ms. Default 5000. */
  maxWaitMs?: number;
  /** Wait before trying again after a failure, in ms. Default 30000. */
  retryMs?: number;
  now?: () => Date;
}

/** The state of an export folder kept current. */
export interface VaultStatus {
  folder: string;
  /** The last failure, worded for the user; null when the folder is up to date or being updated. */
  problem: Notice | null;
}

/**
 * Keeps an export folder (an Obsidian vault, say) current: follows the
 * store's change feed and, after a quiet time, re-exports the Markdown file
 * of every article whose highlights, notes, tags or details changed, merged
 * into the file it already has (found by the id in its markers, whatever its
 * name), so the user's text outside the markers stays and a renamed title
 * renames nothing. An article without a file gets one once it has
 * highlights or a note. A deleted article's file is marked removed (see
 * markRemoved), never deleted. Each file is replaced atomically. A failure
 * is reported once through `notify` and tried again after `retryMs`, and on
 * the next change.
 */
export class VaultExporter {
  private readonly pending = new Set<string>();
  private readonly removed = new Set<string>();
  private everyFile = false;
  private quietTimer: NodeJS.Timeout | undefined;
  private firstPending: number | undefined;
  private running: Promise<void> | undefined;
  private problem: Notice | null = null;
  private unsubscribe: (() => void) | undefined;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: VaultExporterOptions) {
    this.delayMs = options.delayMs ?? 1500;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
    this.retryMs = options.retryMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Follows the change feed and schedules a first export of every article with highlights or a note. */
  start(): void {
    this.unsubscribe ??= this.options.changes.subscribe((event) => this.onChange(event));
    for (const article of this.options.source.listArticles()) this.pending.add(article.id);
    this.schedule(0);
  }

  /** The folder and its last failure. */
  status(): VaultStatus {
    return { folder: this.options.folder, problem: this.problem };
  }

  /** Exports what is pending now, without waiting for the quiet time. Resolves when done; never rejects. */
  async flush(): Promise<void> {
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    await this.running;
    this.running = this.run();
    await this.running;
  }

  /** Stops following changes, then exports what is pending. Never rejects. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.pending.size > 0 || this.removed.size > 0 || this.everyFile) await this.flush();
    else await this.running;
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
  }

  private onChange(event: ChangeEvent): void {
    switch (event.kind) {
      case 'article-added':
      case 'annotations-changed':
        this.pending.add(event.articleId);
        break;
      case 'article-changed':
        if (event.progressOnly) return;
        this.pending.add(event.articleId);
        break;
      case 'article-removed':
        this.pending.delete(event.articleId);
        this.removed.add(event.articleId);
        break;
      case 'tags-changed':
        this.everyFile = true;
        break;
      case 'settings-changed':
      case 'devices-changed':
        return;
    }
    this.schedule(this.delayMs);
  }

  /** Debounce: waits `delay` after the last change, but no longer than maxWaitMs after the first. */
  private schedule(delay: number): void {
    const at = Date.now();
    this.firstPending ??= at;
    const wait = Math.max(0, Math.min(delay, this.firstPending + this.maxWaitMs - at));
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      void this.flush();
    }, wait);
  }

  private async run(): Promise<void> {
    this.firstPending = undefined;
    const ids = new Set(this.pending);
    const removed = new Set(this.removed);
    const everyFile = this.everyFile;
    this.pending.clear();
    this.removed.clear();
    this.everyFile = false;
    const failures: string[] = [];
    const retry = (id: string, set: Set<string>, error: unknown) => {
      set.add(id);
      failures.push(error instanceof Error ? error.message : String(error));
    };
    let files: Map<string, string>;
    try {
      files = await articleFiles(this.options.folder);
    } catch (error) {
      for (const id of ids) this.pending.add(id);
      for (const id of removed) this.removed.add(id);
      this.everyFile ||= everyFile;
      return this.settle([error instanceof Error ? error.message : String(error)]);
    }
    if (everyFile) for (const id of files.keys()) ids.add(id);
    for (const id of ids) {
      try {
        await this.exportArticle(id, files.get(id));
      } catch (error) {
        retry(id, this.pending, error);
      }
    }
    for (const id of removed) {
      const file = files.get(id);
      if (!file) continue;
      try {
        await markRemoved(file, this.now());
      } catch (error) {
        retry(id, this.removed, error);
      }
    }
    this.settle(failures);
  }

  private async exportArticle(id: string, file: string | undefined): Promise<void> {
    const { source, folder } = this.options;
    const article = source.getArticle(id);
    if (!article || article.deleted) return;
    if (file === undefined) {
      const [note, highlights] = await Promise.all([source.getArticleNote(id), source.listAnnotations(id)]);
      if (note.trim() === '' && !highlights.some((h) => !h.deleted)) return;
    }
    const rendered = await renderExport(source, { scope: { kind: 'article', id }, format: 'md' }, this.now());
    await writeExportFiles(
      rendered,
      file === undefined ? { kind: 'folder', path: folder } : { kind: 'file', path: file },
    );
  }

  private settle(failures: string[]): void {
    if (failures.length === 0) {
      if (this.problem !== null) {
        this.problem = null;
        this.options.notify(notice('notices.exportFolderBack', { folder: this.options.folder }));
      }
      return;
    }
    const unique = [...new Set(failures)];
    const shown = unique.slice(0, 3).join(' ');
    const more = unique.length > 3 ? ` (and ${unique.length - 3} more)` : '';
    const problem = notice('notices.exportFolderFailed', {
      folder: this.options.folder,
      detail: `${shown}${more}`,
      seconds: Math.round(this.retryMs / 1000),
    });
    if (problem.message !== this.problem?.message) this.options.notify(problem);
    this.problem = problem;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      void this.flush();
    }, this.retryMs);
  }
}

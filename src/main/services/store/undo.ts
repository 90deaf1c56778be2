import type { HighlightColor } from '../../../shared/model/annotation';
import type { Tag } from '../../../shared/model/tag';

/** The fields of a highlight that undo restores (never its position). */
export interface AnnotationState {
  color: HighlightColor;
  note: string;
  tags: string[];
  deleted: boolean;
}

/** A tag registry entry, by tag key, before and after; null when there is no entry. */
export interface TagChange {
  kind: 'tag';
  key: string;
  before: Tag | null;
  after: Tag | null;
}

/** One reversible change, recorded with its state before and after. */
export type Change =
  | { kind: 'annotation'; articleId: string; id: string; before: AnnotationState; after: AnnotationState }
  | { kind: 'articleTags'; articleId: string; before: string[]; after: string[] }
  | TagChange;

/** One user operation: undone by applying its changes' `before` in reverse order, redone by `after` in order. */
export interface UndoEntry {
  /** What the operation did, e.g. `delete highlight`. */
  label: string;
  /** The article it concerns; null for operations across the library (tags). */
  articleId: string | null;
  changes: Change[];
}

/** Linear undo/redo history of the last `limit` operations; recording a new one clears redo. */
export class UndoHistory {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  constructor(private readonly limit = 100) {}

  /** Records a finished operation (ignored when it changed nothing). */
  record(entry: UndoEntry): void {
    if (entry.changes.length === 0) return;
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The entry to undo now (moved to the redo side), if any. */
  takeUndo(): UndoEntry | undefined {
    const entry = this.done.pop();
    if (entry) this.undone.push(entry);
    return entry;
  }

  /** The entry to redo now (moved back to the undo side), if any. */
  takeRedo(): UndoEntry | undefined {
    const entry = this.undone.pop();
    if (entry) this.done.push(entry);
    return entry;
  }

  /** Drops every change to an article whose data is gone, and entries left empty. */
  forgetArticle(articleId: string): void {
    const prune = (entries: UndoEntry[]) =>
      entries
        .map((entry) => ({
          ...entry,
          changes: entry.changes.filter((change) => change.kind === 'tag' || change.articleId !== articleId),
        }))
        .filter((entry) => entry.changes.length > 0);
    this.done = prune(this.done);
    this.undone = prune(this.undone);
  }
}

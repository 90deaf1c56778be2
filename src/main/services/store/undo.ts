import type { Notice } from '../../../shared/model/notice';
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
  /** Sequence number given by the history when recorded (0 until then); names the operation to undo. */
  id: number;
  /** What the operation did, e.g. `undo.highlightDeleted` (“highlight “Sơn Trà…” deleted”). */
  what: Notice;
  /** The article it concerns; null for operations across the library (tags). */
  articleId: string | null;
  changes: Change[];
}

/** Which entry an undo or redo takes: the newest, the newest for an article (and the library-wide ones), or one by id. */
export interface UndoScope {
  articleId?: string;
  entry?: number;
}

/** Why an entry named by id cannot be undone: already undone or forgotten, or a later operation changed the same things. */
export type UndoRefusal = 'gone' | 'superseded';

/** What a change touches, as a key: two entries with a key in common cannot be undone out of order. */
function keysOf(entry: UndoEntry): Set<string> {
  return new Set(
    entry.changes.map((c) =>
      c.kind === 'tag'
        ? `tag:${c.key}`
        : c.kind === 'articleTags'
          ? `article:${c.articleId}`
          : `annotation:${c.id}`,
    ),
  );
}

function inScope(entry: UndoEntry, scope: UndoScope): boolean {
  return scope.articleId === undefined || entry.articleId === null || entry.articleId === scope.articleId;
}

/** Undo/redo history of the last `limit` operations, scoped by article; recording a new one clears redo. */
export class UndoHistory {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private nextId = 1;

  constructor(private readonly limit = 100) {}

  /** Records a finished operation (ignored when it changed nothing); gives it its id. */
  record(entry: Omit<UndoEntry, 'id'>): void {
    if (entry.changes.length === 0) return;
    this.done.push({ ...entry, id: this.nextId++ });
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The newest entry `takeUndo(scope)` would take, left in place. */
  peekUndo(scope: UndoScope = {}): UndoEntry | undefined {
    return this.done.findLast((entry) => inScope(entry, scope));
  }

  /**
   * The entry to undo now (moved to the redo side): the one named by `scope.entry`, else the newest in
   * scope. Returns a refusal when the named entry is gone or a later operation touched the same things.
   */
  takeUndo(scope: UndoScope = {}): UndoEntry | UndoRefusal | undefined {
    const index =
      scope.entry === undefined
        ? this.done.findLastIndex((entry) => inScope(entry, scope))
        : this.done.findIndex((entry) => entry.id === scope.entry);
    if (index < 0) return scope.entry === undefined ? undefined : 'gone';
    const entry = this.done[index]!;
    const keys = keysOf(entry);
    const later = this.done.slice(index + 1);
    if (later.some((other) => [...keysOf(other)].some((key) => keys.has(key)))) return 'superseded';
    this.done.splice(index, 1);
    this.undone.push(entry);
    return entry;
  }

  /** The entry to redo now (moved back to the undo side): the newest undone one in scope, if any. */
  takeRedo(scope: UndoScope = {}): UndoEntry | undefined {
    const index = this.undone.findLastIndex((entry) => inScope(entry, scope));
    if (index < 0) return undefined;
    const [entry] = this.undone.splice(index, 1);
    this.done.push(entry!);
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

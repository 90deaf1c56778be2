import { randomUUID } from 'node:crypto';
import { GlossError } from '../../../shared/result';
import {
  annotationSchema,
  annotationTargetSchema,
  byDocumentOrder,
  type Annotation,
  type AnnotationTarget,
  type HighlightColor,
} from '../../../shared/model/annotation';
import { ChangeSet } from './change-set';
import {
  cloneAnnotation,
  describeArticle,
  later,
  now,
  requireArticle,
  sameTags,
  stateOf,
  type StoreContext,
} from './context';
import { ownAnnotation, ownString, ownTarget } from './own';
import { parseOrInvalid, type ShardFile } from './schemas';
import type { StoredFile } from './stored-file';
import type { AnnotationState } from './undo';
import { tagKey } from '../../../shared/model/tag';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** Which of an article's live highlights to list: overlapping a canonical range [start, end), or with these ids. */
export interface AnnotationFilter {
  range?: { start: number; end: number };
  ids?: readonly string[];
}

/** A new highlight as the store receives it. */
export interface NewAnnotation {
  articleId: string;
  target: AnnotationTarget;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

/** What an edit of a highlight may change. */
export interface AnnotationPatch {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/** A highlight's new position after re-anchoring. */
export interface TargetUpdate {
  id: string;
  target: AnnotationTarget;
  orphaned: boolean;
}

/** The highlights of each article: reads, edits (recorded for undo), imports and re-anchoring. */
export class Annotations {
  constructor(private readonly ctx: StoreContext) {}

  /** Live highlights of an article in document order, orphans included; see AnnotationFilter. @throws GlossError 'not-found'. */
  async list(articleId: string, filter: AnnotationFilter = {}): Promise<Annotation[]> {
    requireArticle(this.ctx, articleId, false);
    const { data, shared } = await this.ctx.shards.read(articleId);
    const { range, ids } = filter;
    const wanted = (a: Annotation) =>
      !a.deleted && (!range || (a.target.position.start < range.end && a.target.position.end > range.start));
    // A few ids (the highlights a change names) are found without a scan of the shard.
    const candidates = ids ? this.ctx.shards.byId.find(data.annotations, ids) : data.annotations;
    const live = candidates.filter(wanted).sort(byDocumentOrder);
    return shared ? live.map(cloneAnnotation) : live;
  }

  /**
   * Adds a highlight (undoable); resolves once it is on disk.
   * @throws GlossError 'not-found' for an unknown or deleted article, 'invalid-argument',
   *   'disk-full' or 'io' when it could not be saved (nothing was added then).
   */
  async create(input: NewAnnotation): Promise<Annotation> {
    this.ctx.assertWritable();
    const { articleId } = input;
    requireArticle(this.ctx, articleId, true);
    const file = await this.ctx.shards.get(articleId);
    const at = now();
    const changes = new ChangeSet();
    const annotation = parseOrInvalid(
      annotationSchema,
      {
        id: randomUUID(),
        articleId,
        target: input.target,
        color: input.color,
        note: input.note ?? '',
        tags: this.ctx.tags.normalize(input.tags ?? []),
        createdAt: at,
        updatedAt: at,
        deleted: false,
        orphaned: false,
      },
      'highlight',
    );
    annotation.tags = this.ctx.tags.resolve(annotation.tags, changes);
    file.data.annotations.push(ownAnnotation(annotation));
    const before = { ...stateOf(annotation), deleted: true };
    const after = stateOf(annotation);
    const saved = cloneAnnotation(annotation);
    await this.changed(articleId, file, [annotation.id], changes);
    this.ctx.history.record({
      what: notice('undo.highlightAdded', { quote: quoted(annotation) }),
      articleId,
      changes: [{ kind: 'annotation', articleId, id: annotation.id, before, after }],
    });
    return saved;
  }

  /**
   * Adds highlights from an import to one article, keeping their ids, dates,
   * colours, notes and tags; ids the article already has (live or deleted)
   * are skipped. Not recorded for undo. Written at once: resolves when they
   * are on disk (their change is announced right after).
   * @returns how many were added.
   * @throws GlossError 'not-found' for an unknown or deleted article, 'invalid-argument', 'io'.
   */
  async import(articleId: string, annotations: Annotation[]): Promise<number> {
    this.ctx.assertWritable();
    requireArticle(this.ctx, articleId, true);
    const file = await this.ctx.shards.get(articleId);
    const known = new Set(file.data.annotations.map((a) => a.id));
    const added: string[] = [];
    const changes = new ChangeSet();
    for (const incoming of annotations) {
      if (known.has(incoming.id)) continue;
      const annotation = parseOrInvalid(
        annotationSchema,
        { ...incoming, articleId, tags: this.ctx.tags.normalize(incoming.tags), deleted: false },
        'highlight',
      );
      annotation.tags = this.ctx.tags.resolve(annotation.tags, changes);
      file.data.annotations.push(ownAnnotation(annotation));
      known.add(annotation.id);
      added.push(annotation.id);
    }
    if (added.length === 0) return 0;
    await this.changed(articleId, file, added, changes);
    return added.length;
  }

  /** Changes a highlight's colour, note or tags (undoable); returns it once on disk. @throws GlossError 'not-found', 'invalid-argument', 'disk-full', 'io'. */
  async update(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    this.ctx.assertWritable();
    const { file, annotation } = await this.live(articleId, id);
    const changes = new ChangeSet();
    const before = stateOf(annotation);
    const next = parseOrInvalid(
      annotationSchema,
      {
        ...annotation,
        ...(patch.color !== undefined && { color: patch.color }),
        ...(patch.note !== undefined && { note: patch.note }),
        ...(patch.tags !== undefined && { tags: this.ctx.tags.normalize(patch.tags) }),
      },
      'highlight',
    );
    next.tags = this.ctx.tags.resolve(next.tags, changes);
    const after = { ...stateOf(next), note: ownString(next.note) };
    if (before.color === after.color && before.note === after.note && sameTags(before.tags, after.tags)) {
      await this.ctx.commit(changes);
      return cloneAnnotation(annotation);
    }
    Object.assign(annotation, after, { updatedAt: later(annotation.updatedAt) });
    const saved = cloneAnnotation(annotation);
    await this.changed(articleId, file, [id], changes);
    this.ctx.history.record({
      what: editNotice(annotation, before, after),
      articleId,
      changes: [{ kind: 'annotation', articleId, id, before, after }],
    });
    return saved;
  }

  /** Deletes a highlight as a tombstone (undoable); returns the tombstone once on disk. @throws GlossError 'not-found', 'disk-full', 'io'. */
  async delete(articleId: string, id: string): Promise<Annotation> {
    this.ctx.assertWritable();
    const { file, annotation } = await this.live(articleId, id);
    const before = stateOf(annotation);
    annotation.deleted = true;
    annotation.updatedAt = later(annotation.updatedAt);
    const after = stateOf(annotation);
    const saved = cloneAnnotation(annotation);
    await this.changed(articleId, file, [id], new ChangeSet());
    this.ctx.history.record({
      what: notice('undo.highlightDeleted', { quote: quoted(annotation) }),
      articleId,
      changes: [{ kind: 'annotation', articleId, id, before, after }],
    });
    return saved;
  }

  /**
   * Re-anchoring after a text change: new targets and orphan flags for
   * highlights of one article (tombstones allowed). Not recorded for undo; all-or-nothing.
   * @throws GlossError 'not-found' for an unknown highlight, 'invalid-argument' for a bad target.
   */
  async replaceTargets(articleId: string, updates: TargetUpdate[]): Promise<void> {
    this.ctx.assertWritable();
    requireArticle(this.ctx, articleId, false);
    const file = await this.ctx.shards.get(articleId);
    const byId = new Map(file.data.annotations.map((a) => [a.id, a]));
    const checked = updates.map((update) => {
      const annotation = byId.get(update.id);
      if (!annotation) {
        throw new GlossError(
          'not-found',
          `There is no highlight with id ${update.id} in ${describeArticle(this.ctx, articleId)}.`,
        );
      }
      const target = ownTarget(parseOrInvalid(annotationTargetSchema, update.target, 'highlight position'));
      return { annotation, target, orphaned: update.orphaned };
    });
    if (checked.length === 0) return;
    for (const { annotation, target, orphaned } of checked) {
      Object.assign(annotation, { target, orphaned, updatedAt: later(annotation.updatedAt) });
    }
    const ids = checked.map(({ annotation }) => annotation.id);
    await this.changed(articleId, file, ids, new ChangeSet());
  }

  /** Live highlights carrying a tag (any case), across the library: by article in index order, document order within; deleted articles left out. */
  async listByTag(tag: string): Promise<Annotation[]> {
    const key = tagKey(tag);
    const live = this.ctx.library.data.articles.filter((meta) => !meta.deleted);
    const result: Annotation[] = [];
    for (const file of await this.ctx.shards.getAll(live.map((meta) => meta.id))) {
      const matches = file.data.annotations.filter(
        (a) => !a.deleted && a.tags.some((name) => tagKey(name) === key),
      );
      result.push(...matches.sort(byDocumentOrder).map(cloneAnnotation));
    }
    return result;
  }

  /** The article's note (Markdown); empty when none. @throws GlossError 'not-found'. */
  async getNote(articleId: string): Promise<string> {
    requireArticle(this.ctx, articleId, false);
    return (await this.ctx.shards.read(articleId, 'note')).data.note;
  }

  /** Replaces the article's note (announced as a change to the article); resolves once on disk. @throws GlossError 'not-found' for an unknown or deleted article, 'disk-full', 'io'. */
  async setNote(articleId: string, note: string): Promise<void> {
    this.ctx.assertWritable();
    requireArticle(this.ctx, articleId, true);
    const file = await this.ctx.shards.get(articleId);
    if (file.data.note === note) return;
    file.data.note = note;
    this.ctx.shardChanged(articleId, file);
    const changes = new ChangeSet();
    changes.article({ kind: 'article-changed', articleId, content: false }, file);
    await this.ctx.commit(changes);
  }

  /** Writes the shard and announces the highlights `ids` (with whatever else `changes` holds); resolves once on disk. */
  private changed(articleId: string, file: StoredFile<ShardFile>, ids: string[], changes: ChangeSet) {
    this.ctx.shardChanged(articleId, file, ids);
    changes.annotations(articleId, ids, file);
    return this.ctx.commit(changes);
  }

  private async live(
    articleId: string,
    id: string,
  ): Promise<{ file: StoredFile<ShardFile>; annotation: Annotation }> {
    requireArticle(this.ctx, articleId, true);
    const file = await this.ctx.shards.get(articleId);
    const annotation = file.data.annotations.find((a) => a.id === id && !a.deleted);
    if (!annotation) {
      throw new GlossError(
        'not-found',
        `There is no highlight with id ${id} in ${describeArticle(this.ctx, articleId)}.`,
      );
    }
    return { file, annotation };
  }
}

/** Characters of a quote shown in an undo label. */
const LABEL_QUOTE_LENGTH = 40;

/** A highlight's quote for a label: “the first words…”. */
function quoted(annotation: Annotation): string {
  const text = annotation.target.quote.exact.replace(/\s+/g, ' ').trim();
  const short = text.length > LABEL_QUOTE_LENGTH ? `${text.slice(0, LABEL_QUOTE_LENGTH).trimEnd()}…` : text;
  return `“${short}”`;
}

/** What an edit did, e.g. `highlight “…” recoloured`, `note on “…” edited`. */
function editNotice(annotation: Annotation, before: AnnotationState, after: AnnotationState): Notice {
  const color = before.color !== after.color;
  const note = before.note !== after.note;
  const tags = !sameTags(before.tags, after.tags);
  const params = { quote: quoted(annotation) };
  if (Number(color) + Number(note) + Number(tags) !== 1) return notice('undo.highlightEdited', params);
  if (color) return notice('undo.highlightRecoloured', params);
  if (note) return notice('undo.noteEdited', params);
  return notice('undo.tagsChanged', params);
}

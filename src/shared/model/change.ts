import { z } from 'zod';

const articleId = z.uuid();

/**
 * One committed change to the library, announced by the store once it is on
 * disk. Events name what changed, not its new value: a follower fetches what
 * it needs.
 *
 * - `article-added`: a new article, or a deleted one restored.
 * - `article-changed`: an article's record changed; `content` when its
 *   canonical text changed (its highlights were re-anchored too, see the
 *   `annotations-changed` that comes with it); `progressOnly` when nothing but
 *   the reading position changed. Also sent when its note changed.
 * - `article-removed`: an article was deleted (a tombstone).
 * - `annotations-changed`: the highlights `ids` of one article were created,
 *   updated or deleted.
 * - `tags-changed`: the tag registry changed (a tag added, recoloured, renamed or deleted).
 * - `settings-changed`: the reader preferences changed.
 * - `devices-changed`: changes another computer wrote in the synced folder
 *   arrived (announced after the events naming what they changed), so when
 *   another computer last wrote changed too.
 */
export const changeEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article-added'), articleId }),
  z.object({
    kind: z.literal('article-changed'),
    articleId,
    content: z.boolean(),
    progressOnly: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('article-removed'), articleId }),
  z.object({ kind: z.literal('annotations-changed'), articleId, ids: z.array(z.uuid()) }),
  z.object({ kind: z.literal('tags-changed') }),
  z.object({ kind: z.literal('settings-changed') }),
  z.object({ kind: z.literal('devices-changed') }),
]);

/** One committed change to the library; see `changeEventSchema`. */
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/**
 * The answer of a change long-poll: the events after the asked revision, in
 * order, and the revision they bring the caller to. `reset` means the events
 * asked for are no longer kept (or the revision comes from another run):
 * reload everything, then follow from `revision`.
 */
export const changeBatchSchema = z.object({
  revision: z.int().min(0),
  events: z.array(changeEventSchema),
  reset: z.boolean(),
});

/** See `changeBatchSchema`. */
export type ChangeBatch = z.infer<typeof changeBatchSchema>;

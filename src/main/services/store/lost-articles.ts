import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation } from '../../../shared/model/annotation';
import type { Articles } from './articles';
import { textHash } from './content-cache';
import type { StoreContext } from './context';
import { forEachLimited } from './limited';

/** Files of one article in `.gloss`: its shard or journal, its content cache. */
const ARTICLE_FILE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|journal|utf16le)$/;
/** A folder of shard backups, named by article id. */
const ARTICLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Articles read at once. */
const CONCURRENCY = 8;

/** What `.gloss` still holds of an article the index does not know (see findLostArticles). */
export interface LostArticle {
  /** The article's id, as its files are named. */
  id: string;
  /** Its cached canonical text: the SHA-256 of the text (its contentHash) and length (UTF-16 units); undefined when lost too. */
  content: { hash: string; length: number } | undefined;
  /** Its highlights (tombstones included), from its shard, journal or their backups. */
  annotations: Annotation[];
  /** Its note (Markdown), empty when none. */
  note: string;
}

/** Names in a folder; none when it is missing. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Every article whose files are in `.gloss` (a shard, its journal or backups,
 * a content cache) but which the index does not list, read through the
 * store's own loaders (journals replayed, damaged files moved aside and
 * restored from backups, with notices). Used to rebuild a lost index.
 * @throws GlossError 'forbidden' for a link, 'newer-schema', 'io'.
 */
export async function findLostArticles(ctx: StoreContext, articles: Articles): Promise<LostArticle[]> {
  const ids = new Set<string>();
  for (const dir of [path.join(ctx.glossDir, ctx.own, 'annotations'), path.join(ctx.cacheDir, 'content')]) {
    for (const name of await namesIn(dir)) {
      const id = ARTICLE_FILE.exec(name)?.[1];
      if (id) ids.add(id);
    }
  }
  for (const name of await namesIn(path.join(ctx.cacheDir, 'backups', 'annotations'))) {
    if (ARTICLE_ID.test(name)) ids.add(name);
  }
  const lost: LostArticle[] = [];
  await forEachLimited(
    [...ids].filter((id) => !ctx.articles.has(id)),
    CONCURRENCY,
    async (id) => {
      const shard = await ctx.shards.get(id);
      const content = await articles.readContent(id);
      lost.push({
        id,
        content: content && { hash: textHash(content.text), length: content.text.length },
        annotations: structuredClone(shard.data.annotations),
        note: shard.data.note,
      });
    },
  );
  return lost.sort((a, b) => (a.id < b.id ? -1 : 1));
}

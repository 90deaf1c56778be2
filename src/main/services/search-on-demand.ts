import type { LibraryService } from './library/library-service';
import type { SearchService } from './search/search-service';
import type { SearchSource } from './search/source';
import type { LibraryStore } from './store';
import type { ChangeSubscriber } from './store/change-feed';

/** The search service of one library, started (and its modules loaded) the first time it is needed. */
export interface SearchOnDemand {
  /** The service, started on the first call. */
  service(): Promise<SearchService>;
  /** Follows the store's changes; the first change starts the service, so its index never misses one. */
  follower: ChangeSubscriber;
  /** Saves the index if the service was started; a no-op otherwise. */
  save(): Promise<void>;
}

/**
 * Defers the search service, which loads MiniSearch and its index, until a
 * search is asked for or a change must reach the index: a command that only
 * lists articles never pays for it. Articles changed while it was not
 * running are caught up when it next opens its index.
 */
export function searchOnDemand(store: LibraryStore, library: LibraryService): SearchOnDemand {
  let started: Promise<{ search: SearchService; follow: ChangeSubscriber }> | undefined;
  const start = () =>
    (started ??= (async () => {
      const [{ SearchService }, { followChanges }] = await Promise.all([
        import('./search/search-service'),
        import('./search/follow-changes'),
      ]);
      // A text missing from this computer's cache (a library synced from another) is rebuilt from its copy.
      const source: SearchSource = {
        listArticles: () => store.listArticles(),
        readContent: (id) => library.text(id),
        listAnnotations: (id) => store.listAnnotations(id),
        readCachedText: (id, hash, start, end) => store.readCachedText(id, hash, start, end),
      };
      const search = SearchService.start(store.cacheDir, source);
      const follow = followChanges(search, {
        getArticle: (id) => store.getArticle(id),
        text: (id) => library.text(id),
        listAnnotations: (articleId, filter) => store.listAnnotations(articleId, filter),
      });
      return { search, follow };
    })());
  return {
    service: async () => (await start()).search,
    follower: async (event, revision) => (await start()).follow(event, revision),
    save: async () => {
      if (started) await (await started).search.save();
    },
  };
}

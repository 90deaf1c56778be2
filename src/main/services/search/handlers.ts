import type { searchMethods } from '../../../shared/contract/search';
import type { HandlersFor } from '../handlers';
import type { SearchService } from './search-service';

/** Handlers for the search domain; a search waits until the index has finished loading or building. */
export function searchHandlers(service: SearchService): HandlersFor<typeof searchMethods> {
  return {
    search: async ({ query, limit }) => {
      await service.whenReady();
      return service.search(query, { limit });
    },
    searchStatus: () => service.status,
  };
}

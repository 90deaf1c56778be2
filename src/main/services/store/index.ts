/** The annotation store: open a library folder with `LibraryStore.open`. */
export { LibraryStore, type LibraryStoreOptions } from './library-store';
export type { LostArticle } from './lost-articles';

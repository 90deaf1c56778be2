export { LibraryStore, type LibraryStoreOptions } from './library-store';

import { create } from 'zustand';
import { createAppSlice } from './app';
import { createLibrarySlice } from './library';
import { createReaderSlice } from './reader';
import type { GlossState } from './types';

/** The renderer's one store of domain slices. Components read it through selectors. */
export const useStore = create<GlossState>()((...a) => ({
  ...createAppSlice(...a),
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
}));

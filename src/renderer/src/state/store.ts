import { create, type StateCreator } from 'zustand';
import { api } from '../api';
import type { ApiError, Result } from '../../../shared/result';
import type { AppInfo } from '../../../shared/model/app';
import { createLibrarySlice, type LibrarySlice } from './library';
import { createReaderSlice, type ReaderSlice } from './reader';

/** A message shown to the user in the notice area; errors stay until dismissed. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Optional action button, e.g. "Undo". */
  action?: { label: string; run: () => void };
}

/** Which screen is shown. */
export type View = { kind: 'library' } | { kind: 'reader'; articleId: string };

export interface AppSlice {
  info: AppInfo | null;
  notices: Notice[];
  view: View;
  loadInfo(): Promise<void>;
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): void;
  dismiss(id: number): void;
  show(view: View): void;
}

export type GlossState = AppSlice & LibrarySlice & ReaderSlice;

/** A slice creator over the whole state, so slices can read each other. */
export type Slice<T> = StateCreator<GlossState, [], [], T>;

let nextNoticeId = 1;

const createAppSlice: Slice<AppSlice> = (set, get) => ({
  info: null,
  notices: [],
  view: { kind: 'library' },
  async loadInfo() {
    const info = await unwrap(api.getAppInfo({}));
    if (info) set({ info });
  },
  notify(kind, text, action) {
    const notice: Notice = { id: nextNoticeId++, kind, text, action };
    set({ notices: [...get().notices, notice].slice(-4) });
    if (kind === 'info') setTimeout(() => get().dismiss(notice.id), action ? 10_000 : 6000);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
  show(view) {
    set({ view });
  },
});

/** The renderer's one store of domain slices. Components read it through selectors. */
export const useStore = create<GlossState>()((...a) => ({
  ...createAppSlice(...a),
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
}));

/** Awaits an API result; on failure shows its message and resolves to undefined. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T | undefined> {
  const result = await pending;
  if (result.ok) return result.value;
  reportError(result.error);
  return undefined;
}

/** Shows an API error to the user. */
export function reportError(error: ApiError): void {
  useStore.getState().notify('error', error.message);
}

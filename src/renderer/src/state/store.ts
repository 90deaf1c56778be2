import { create } from 'zustand';
import { api } from '../api';
import type { ApiError, Result } from '../../../shared/result';
import type { AppInfo } from '../../../shared/types';

/** A message shown to the user in the notice area; errors stay until dismissed. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Optional action button, e.g. "Undo". */
  action?: { label: string; run: () => void };
}

interface AppSlice {
  info: AppInfo | null;
  notices: Notice[];
  loadInfo(): Promise<void>;
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): void;
  dismiss(id: number): void;
}

export type GlossState = AppSlice;

let nextNoticeId = 1;

/** The renderer's one store. Components read it through the hooks in ./hooks. */
export const useStore = create<GlossState>()((set, get) => ({
  info: null,
  notices: [],
  async loadInfo() {
    const info = await unwrap(api.getAppInfo({}));
    if (info) set({ info });
  },
  notify(kind, text, action) {
    const notice: Notice = { id: nextNoticeId++, kind, text, action };
    set({ notices: [...get().notices, notice].slice(-4) });
    if (kind === 'info') setTimeout(() => get().dismiss(notice.id), 6000);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
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

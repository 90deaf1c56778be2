import { initReactI18next } from 'react-i18next';
import { api } from '../api';
import { createI18n, describeError, describeNotice, pickLocale, type Locale } from '../../../shared/i18n';
import type { AppSlice, Notice, Slice } from './types';
import { unwrapWith } from './unwrap';

/** The app slice: app info, notices and the current view. */
export const createAppSlice: Slice<AppSlice> = (set, get) => {
  const unwrap = unwrapWith(get);
  /** Ids of this store's notices, so a notice's timer never dismisses a later one. */
  let nextNoticeId = 1;
  const i18n = createI18n(
    pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
    initReactI18next,
  );
  return {
    info: null,
    i18n,
    describe(error) {
      if (error.code === 'unauthorized') return i18n.t('app.sessionEnded');
      if (error.params?.reason === 'not-answering') return i18n.t('app.notAnswering');
      return describeError(i18n.t, i18n.language as Locale, error);
    },
    say(notice) {
      return describeNotice(i18n.t, i18n.language as Locale, notice);
    },
    notices: [],
    view: { kind: 'library' },
    devicesRevision: 0,
    devicesChanged() {
      set({ devicesRevision: get().devicesRevision + 1 });
    },
    async loadInfo(pending) {
      const info = await unwrap(pending ?? api.getAppInfo({}));
      if (info) set({ info });
    },
    notify(kind, text, action) {
      const notice: Notice = { id: nextNoticeId++, kind, text, action };
      set({ notices: [...get().notices, notice].slice(-4) });
      if (kind === 'info') setTimeout(() => get().dismiss(notice.id), action ? 10_000 : 6000);
      return notice.id;
    },
    disableUndo(entry) {
      set({
        notices: get().notices.map((n) =>
          n.action?.undoEntry === entry ? { ...n, action: { ...n.action, disabled: true } } : n,
        ),
      });
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    show(view) {
      set({ view });
    },
  };
};

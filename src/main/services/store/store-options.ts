import type { DeviceOptions } from './open-library';
import type { StoreTuning } from './stored-file-options';

/** Tuning of one open library (see StoreTuning), and what becomes of its notices. */
export type LibraryStoreOptions = Partial<StoreTuning> &
  DeviceOptions & {
    /** How often what other computers wrote is looked for, in ms (default 2000). */
    followIntervalMs?: number;
    /**
     * 'show' (default): the caller shows notices (takeNotices), those other
     * processes recorded included; 'record': the caller has no window, so its
     * notices are also recorded in the library for the app (see recordNotices).
     */
    notices?: 'show' | 'record';
  };

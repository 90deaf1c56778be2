import type { Settings } from './settings';

/** The settings of a new library. */
export const DEFAULT_SETTINGS: Settings = { theme: 'system', font: 'serif', fontSize: 19 };

import { useSyncExternalStore } from 'react';
import type { Settings } from '../../../shared/model/settings';

/** A theme the styles paint: the setting with 'system' resolved. */
export type ShownTheme = Exclude<Settings['theme'], 'system'>;

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True when the system's appearance is dark now. */
export function systemIsDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

/** The theme to paint for a setting, 'system' resolved by whether the system is `dark`. */
export function shownTheme(theme: Settings['theme'], dark: boolean): ShownTheme {
  return theme === 'system' ? (dark ? 'dark' : 'light') : theme;
}

/**
 * The theme to paint for a setting: 'system' becomes 'dark' or 'light' as the system's appearance
 * is now, and follows it when it changes while the window is open.
 */
export function useShownTheme(theme: Settings['theme']): ShownTheme {
  return shownTheme(theme, useSyncExternalStore(subscribe, systemIsDark));
}

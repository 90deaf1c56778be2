import { z } from 'zod';

/**
 * Reader preferences, stored with the library; font size in CSS pixels, 12–32. `theme` 'system'
 * follows the system's light or dark appearance. `language` is the interface's language; absent or
 * 'system', the system's.
 */
export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  font: z.enum(['serif', 'sans']),
  fontSize: z.int().min(12).max(32),
  language: z.enum(['system', 'vi', 'en']).optional(),
});
/** A value `settingsSchema` accepts. */
export type Settings = z.output<typeof settingsSchema>;

export { DEFAULT_SETTINGS } from './default-settings';

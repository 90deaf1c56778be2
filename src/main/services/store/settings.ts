import { settingsSchema } from '../../../shared/model/settings';
import type { Settings } from '../../../shared/model/settings';
import { ChangeSet } from './change-set';
import type { StoreContext } from './context';
import { parseOrInvalid } from './schemas';

/**
 * Changes some reader preferences (kept in library.json) and returns all of them once on disk.
 * @throws GlossError 'invalid-argument' for a value out of range, 'disk-full' or 'io' when it could not be saved.
 */
export async function updateSettings(ctx: StoreContext, patch: Partial<Settings>): Promise<Settings> {
  ctx.assertWritable();
  const settings = parseOrInvalid(settingsSchema, { ...ctx.library.data.settings, ...patch }, 'setting');
  ctx.library.data.settings = settings;
  ctx.library.changed();
  const changes = new ChangeSet();
  changes.settingsChanged();
  await ctx.commit(changes);
  return { ...settings };
}

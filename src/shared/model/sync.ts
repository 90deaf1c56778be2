import { z } from 'zod';

/** One computer that keeps the library: its device id, whether it is this one, when it last wrote (ISO 8601; null: never). */
export const syncDeviceSchema = z.object({
  id: z.string(),
  self: z.boolean(),
  lastWrite: z.string().nullable(),
});

/** The computers keeping one library through a synced folder, this one first. */
export const syncStatusSchema = z.object({
  deviceId: z.string(),
  devices: z.array(syncDeviceSchema),
});
/** A value `syncStatusSchema` accepts. */
export type SyncStatus = z.output<typeof syncStatusSchema>;

import { z } from 'zod';
import { syncStatusSchema } from '../model/sync';
import { appInfoSchema } from '../model/app';
import { method } from './method';

/** Methods about the app itself. */
export const appMethods = {
  getAppInfo: method(z.object({}).strict(), appInfoSchema),
  /** The computers keeping this library through a synced folder and when each last wrote. */
  getSyncStatus: method(z.object({}).strict(), syncStatusSchema),
};

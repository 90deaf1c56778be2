import { z } from 'zod';
import { appInfoSchema } from '../model/app';
import { method } from './method';

/** Methods about the app itself. */
export const appMethods = {
  getAppInfo: method(z.object({}).strict(), appInfoSchema),
};

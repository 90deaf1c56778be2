import { z } from 'zod';
import type { AppInfo } from '../types';
import { method } from './method';

/** Methods about the app itself. */
export const appMethods = {
  getAppInfo: method<AppInfo>()(z.object({}).strict()),
};

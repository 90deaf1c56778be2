import type { Catalog } from '../types';
import { app } from './app';
import { reader } from './reader';
import { service } from './service';

/** The Vietnamese catalog (one plural form: `_other`). */
export const vi: Catalog = { ...app, ...reader, ...service };

import { app } from './app';
import { reader } from './reader';
import { service } from './service';

/** The English catalog, the reference every other catalog follows key for key. */
export const en = { ...app, ...reader, ...service };

import type { z } from 'zod';
import type { Result } from '../result';
import { annotationMethods } from './annotations';
import { appMethods } from './app';
import { exportMethods } from './export';
import { libraryMethods } from './library';
import { searchMethods } from './search';

/**
 * The one API contract, assembled from one file per domain. Electron IPC,
 * the web host and the CLI all dispatch through it; the preload exposes
 * exactly these names.
 */
export const contract = {
  ...appMethods,
  ...libraryMethods,
  ...annotationMethods,
  ...searchMethods,
  ...exportMethods,
};

/** The contract's type: method name to `{ params, result }` schemas. */
export type Contract = typeof contract;
/** The name of an API method. */
export type MethodName = keyof Contract;
/** What a caller passes to method `M` (before defaults are applied). */
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
/** What a handler of method `M` receives, validated and with defaults applied. */
export type ParsedParams<M extends MethodName> = z.output<Contract[M]['params']>;
/** What method `M` answers on success. */
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** The API as the renderer sees it: every call resolves to a `Result`. */
export type GlossApi = {
  [M in MethodName]: (params: Params<M>) => Promise<Result<ResultOf<M>>>;
};

/** Method names in declaration order. */
export const methodNames = /* @__PURE__ */ Object.keys(contract) as MethodName[];

/** True when `name` is a method of the contract (own key, not a prototype name). */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

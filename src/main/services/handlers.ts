import type { MethodName, ParsedParams, ResultOf } from '../../shared/contract';

/** The service side of the contract: one function per method, free to throw `GlossError`. */
export type Handlers = {
  [M in MethodName]: (params: ParsedParams<M>) => Promise<ResultOf<M>> | ResultOf<M>;
};

/** The handlers for one domain's slice of the contract (e.g. `typeof appMethods`). */
export type HandlersFor<Methods> = Pick<Handlers, keyof Methods & MethodName>;

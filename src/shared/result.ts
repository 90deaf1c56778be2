/** Error codes that cross the API boundary. Each comes with a message a person can act on. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-method'
  | 'not-found'
  | 'conflict'
  | 'unsupported'
  | 'too-large'
  | 'too-complex'
  | 'io'
  | 'disk-full'
  | 'damaged'
  | 'locked'
  | 'newer-schema'
  | 'unauthorized'
  | 'forbidden'
  | 'internal';

/** What an error names, for wording it in another language: `file` is the name of the file concerned. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * An error as a value: a stable code for programs, an English sentence for people, logs and the CLI,
 * and the parameters an interface words it with in the user's language (see `describeError`).
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

/** What every API call resolves to; calls never reject for domain errors. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services; hosts turn it into an `ApiError` value. */
export class GlossError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'GlossError';
  }
}

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps an error code, message and (when given) parameters as a failed result. */
export const fail = (code: ErrorCode, message: string, params?: ErrorParams): Result<never> => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
});

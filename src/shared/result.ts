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

/** An error as a value: a stable code for programs and a sentence for people. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** What every API call resolves to; calls never reject for domain errors. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services; hosts turn it into an `ApiError` value. */
export class GlossError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GlossError';
  }
}

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps an error code and message as a failed result. */
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

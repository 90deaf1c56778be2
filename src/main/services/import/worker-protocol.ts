import type { ErrorCode } from '../../../shared/result';
import type { ImportedDocument } from './convert';

/** What the conversion thread receives: one file's bytes and name. */
export interface ConvertRequest {
  bytes: Uint8Array;
  fileName: string;
}

/** What it answers: once that it has loaded and is ready; then per file, the document or the error. */
export type ConvertReply =
  | { ready: true }
  | { ok: true; document: ImportedDocument }
  | { ok: false; code: ErrorCode; message: string };

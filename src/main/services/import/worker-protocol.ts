import type { ErrorCode, ErrorParams } from '../../../shared/result';
import type { ImportedDocument } from './convert';

/** What the conversion thread receives: one file's bytes (moved, not copied), name and, for an encrypted PDF, its password. */
export interface ConvertRequest {
  bytes: Uint8Array;
  fileName: string;
  password?: string;
}

/**
 * What it answers per file: that it has loaded the format's converter and starts converting; then the
 * document, its text (as
 * UTF-8 bytes, moved, unless it holds a lone surrogate) and the file's bytes given back (moved), or the
 * error.
 */
export type ConvertReply =
  | { started: true }
  | { ok: true; document: Omit<ImportedDocument, 'text'>; text: Uint8Array | string; bytes: Uint8Array }
  | { ok: false; code: ErrorCode; message: string; params?: ErrorParams };

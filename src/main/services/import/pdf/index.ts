import { createHash } from 'node:crypto';
import { GlossError } from '../../../../shared/result';
import { countWords } from '../../../../shared/text/canonical';
import type { ImportedDocument } from '../convert';
import { pdfToArticle, PdfOpenError } from './extract';
import { findInflateBomb } from './inflate-guard';
import { notice } from '../../notice';

export { pdfToArticle, PdfOpenError, type PdfArticle } from './extract';

/** What the import tells the user about a PDF without a text layer. */
export const NO_TEXT_NOTICE = notice('notices.noTextLayer');

/**
 * The refusal of an encrypted PDF opened without its password (`kind` 'password') or with a wrong
 * one: code 'unsupported', params `file`, `password` ('needed' or 'wrong') and the catalog `key` that
 * words it. An importer asks for the password and tries again when it sees `params.password`.
 */
export function passwordError(name: string, kind: 'password' | 'wrong-password'): GlossError {
  const needed = kind === 'password';
  return new GlossError(
    'unsupported',
    needed
      ? `Cannot import “${name}”: it is password-protected; give its password to import it.`
      : `Cannot import “${name}”: that password does not open it.`,
    {
      file: name,
      password: needed ? 'needed' : 'wrong',
      key: needed ? 'errors.pdfPasswordNeeded' : 'errors.pdfPasswordWrong',
    },
  );
}

/** True when `bytes` starts like a PDF: "%PDF-" within the first 1024 bytes, as readers accept it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * Converts the bytes of a `.pdf` file for the library (see `pdfToArticle`). The content hash is the
 * SHA-256 of the canonical text, or of the bytes when the PDF has no text (a scan).
 * @param name The file name, for messages and the fallback title.
 * @param password The password of an encrypted PDF: used to read it, never kept, logged or repeated.
 * @throws GlossError 'unsupported' when the file is not a PDF or inflates to too much (see
 *   findInflateBomb), and for an encrypted PDF without its password (params `password: 'needed'`) or
 *   with a wrong one (`password: 'wrong'`); 'damaged' when pdf.js cannot read it, 'invalid-argument'
 *   when it has no pages. Messages name the file.
 */
export async function convertPdf(
  bytes: Uint8Array,
  name: string,
  fallbackTitle: string,
  password?: string,
): Promise<ImportedDocument> {
  const refuse = (code: 'unsupported' | 'damaged' | 'invalid-argument', why: string): GlossError =>
    new GlossError(code, `Cannot import “${name}”: ${why}`);
  if (bytes.length === 0) throw refuse('invalid-argument', 'the file is empty.');
  if (!looksLikePdf(bytes))
    throw refuse('unsupported', 'it is not a PDF (its content does not start like one).');
  const bomb = findInflateBomb(bytes);
  if (bomb) throw refuse('unsupported', bomb);
  let pdf;
  try {
    pdf = await pdfToArticle(bytes, password);
  } catch (error) {
    if (!(error instanceof PdfOpenError)) throw error;
    if (error.kind === 'password' || error.kind === 'wrong-password') throw passwordError(name, error.kind);
    if (error.kind === 'no-pages') throw refuse('invalid-argument', 'the PDF has no pages.');
    throw refuse('damaged', `the PDF is damaged beyond repair (${error.message}).`);
  }
  const hashed = pdf.text || Buffer.from(bytes);
  return {
    format: 'pdf',
    text: pdf.text,
    blocks: pdf.blocks,
    pages: pdf.pages,
    title: pdf.meta.title ?? fallbackTitle,
    author: pdf.meta.author,
    published: pdf.meta.published,
    wordCount: countWords(pdf.text),
    contentHash: createHash('sha256').update(hashed).digest('hex'),
    encoding: 'pdf',
    tags: [],
    warnings: pdf.text.trim() ? [] : [NO_TEXT_NOTICE],
    pageCount: pdf.meta.pageCount,
    doi: pdf.meta.doi,
    fingerprint: pdf.meta.fingerprint,
    details: {},
  };
}

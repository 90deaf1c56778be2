import path from 'node:path';
import { GlossError } from '../../../shared/result';
import { countWords } from '../../../shared/text/canonical';
import type { ArticleFormat, Block, Page } from '../../../shared/model/article';
import type { Converted } from './blocks';
import { decode, describeBinary } from './decode';
import type { BookDetails } from './epub/epub';
import type { HeldText } from './markdown-document';
import { titleFromFileName } from './metadata';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';
import { textHash } from '../store/content-cache';
import { checkImportSize } from './import-size';

export { checkImportSize, MAX_IMPORT_BYTES } from './import-size';

const FORMATS: Record<string, ArticleFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.epub': 'epub',
  '.pdf': 'pdf',
};

/** File name extensions Gloss imports, lower-case, with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** A converter of a format read as text, with the charset the file declares (HTML), if any. */
interface TextConverter {
  convert(text: string): Converted | Promise<Converted>;
  /** Used instead of `convert` where given: converts a source it may let go of once converted (see HeldText). */
  convertHeld?(source: HeldText): Converted | Promise<Converted>;
  declaredCharset?(bytes: Uint8Array): string | null;
}

/**
 * Converters of formats read as text, after decoding, each loaded with the first file of its format:
 * plain text never loads jsdom or DOMPurify, Markdown only for a document with raw HTML, a table,
 * an image or the like (see convertMarkdownLazily), HTML always.
 */
const TEXT_CONVERTERS: Partial<Record<ArticleFormat, () => Promise<TextConverter>>> = {
  txt: async () => ({ convert: (await import('./text')).convertPlainText }),
  md: async () => {
    const { convertMarkdownLazily } = await import('./markdown-document');
    return { convert: (text) => convertMarkdownLazily({ text }), convertHeld: convertMarkdownLazily };
  },
  html: async () => {
    const { convertHtml, declaredCharset } = await import('./html');
    return { convert: convertHtml, declaredCharset };
  },
};

/**
 * Loads the converter of `fileName`'s format (by extension) and, for formats sanitized as HTML, makes
 * the jsdom window, so that converting it then costs only the conversion; nothing for an unknown
 * extension. @throws when a module cannot be loaded.
 */
export async function loadConverterFor(fileName: string): Promise<void> {
  const dot = fileName.lastIndexOf('.');
  const format = dot > 0 ? FORMATS[fileName.slice(dot).toLowerCase()] : undefined;
  if (format === 'pdf') await import('./pdf');
  else if (format) await (TEXT_CONVERTERS[format] ?? BYTE_CONVERTERS[format])?.();
  if (format === 'html' || format === 'epub') (await import('./sanitize')).prepareSanitizer();
}

/** Converters of formats read from their bytes (containers such as EPUB), loaded on first use. */
const BYTE_CONVERTERS: Partial<
  Record<ArticleFormat, () => Promise<(bytes: Uint8Array) => Converted & { details?: BookDetails }>>
> = { epub: async () => (await import('./epub/epub')).convertEpub };

/** One file converted to what the library stores for an article. */
export interface ImportedDocument {
  format: ArticleFormat;
  /** Canonical text: NFC, LF line ends. */
  text: string;
  /** Paragraphs and headings, as UTF-16 offsets into `text`, in order, none spanning a blank line. */
  blocks: Block[];
  title: string;
  author: string | null;
  /** ISO 8601 date, or date and time. */
  published: string | null;
  /** Tags the document gives itself (Markdown front matter). */
  tags: string[];
  wordCount: number;
  /** SHA-256 (hex) of `text`. */
  contentHash: string;
  /** Encoding the file was read as, e.g. 'utf-8', 'utf-16le', 'windows-1258'; 'pdf' for a PDF. */
  encoding: string;
  /**
   * Notices for the person importing, about what was read imperfectly (e.g. invalid bytes, a PDF
   * without text); empty when none.
   */
  warnings: Notice[];
  /** Language, identifier, publisher and description, where the format states them (EPUB). */
  details: BookDetails;
  /** PDF only: where each page's text lies in `text`. */
  pages?: Page[];
  /** PDF only: number of pages. */
  pageCount?: number;
  /** PDF only: the DOI found in its metadata or first pages, or null. */
  doi?: string | null;
  /** PDF only: pdf.js' fingerprint of the document. */
  fingerprint?: string;
}

const supportedList = (): string =>
  `${SUPPORTED_EXTENSIONS.slice(0, -1).join(', ')} and ${SUPPORTED_EXTENSIONS.at(-1) ?? ''}`;

/**
 * Converts the bytes of one file into a canonical document: detects the
 * encoding, decodes and canonicalizes (NFC, LF), extracts text and blocks
 * by format (chosen by extension; an EPUB is read as a book, see
 * `convertEpub`), finds title, author and date, counts words and hashes the
 * text. The title falls back to the file name.
 * Text, title and author are NFC.
 * Pure apart from CPU: reads and writes no files; loads the converter of
 * the file's format on first use (jsdom only for formats that need a DOM).
 * @param fileName The file's name (a path is fine); used for the format,
 *   the fallback title and error messages.
 * @throws GlossError 'unsupported' for an unknown extension or binary
 *   content or a refused book (not a zip, DRM, a zip bomb…), 'too-large' over MAX_IMPORT_BYTES, 'invalid-argument' for an
 *   empty file or one with no readable text, 'too-complex' for lists,
 *   quotes or elements nested deeper than Gloss reads (see limits.ts).
 *   Messages name the file.
 */
export async function convertFile(bytes: Uint8Array, fileName: string): Promise<ImportedDocument> {
  const name = path.basename(fileName).normalize('NFC');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const format = FORMATS[extension];
  if (format === 'pdf') {
    throw new GlossError(
      'unsupported',
      `Cannot import “${name}” here: PDF files are read by convertDocument.`,
    );
  }
  if (!format) {
    const what = extension ? `${extension} files` : 'files without an extension';
    throw new GlossError(
      'unsupported',
      `Cannot import “${name}”: ${what} are not supported. Gloss imports ${supportedList()} files.`,
    );
  }
  checkImportSize(name, bytes.length);
  if (bytes.length === 0)
    throw new GlossError('invalid-argument', `Cannot import “${name}”: the file is empty.`);
  const fromBytes = await BYTE_CONVERTERS[format]?.();
  const { converted, encoding, invalidBytes } = fromBytes
    ? { converted: await naming(name, () => fromBytes(bytes)), encoding: 'utf-8', invalidBytes: 0 }
    : await convertText(bytes, name, format);
  if (!converted.text.trim()) {
    throw new GlossError('invalid-argument', `Cannot import “${name}”: no readable text was found in it.`);
  }
  return {
    format,
    text: converted.text,
    blocks: converted.blocks,
    title: (converted.title ?? titleFromFileName(name)).normalize('NFC'),
    author: converted.author?.normalize('NFC') ?? null,
    published: converted.published,
    tags: converted.tags ?? [],
    wordCount: countWords(converted.text),
    contentHash: textHash(converted.text),
    encoding,
    warnings: invalidBytes ? [notice('notices.invalidBytes', { count: invalidBytes, name })] : [],
    details: { ...(converted.language && { language: converted.language }), ...converted.details },
  };
}

/** Runs a converter, putting the file's name before the sentence of any GlossError it throws. */
async function naming<T>(name: string, convert: () => T | Promise<T>): Promise<T> {
  try {
    return await convert();
  } catch (error) {
    if (error instanceof GlossError)
      throw new GlossError(error.code, `Cannot import “${name}”: ${error.message}`, { file: name });
    throw error;
  }
}

/** Decodes a text file and converts it by format. */
async function convertText(
  bytes: Uint8Array,
  name: string,
  format: ArticleFormat,
): Promise<{ converted: Converted & { details?: BookDetails }; encoding: string; invalidBytes: number }> {
  const binary = describeBinary(bytes);
  if (binary) {
    throw new GlossError(
      'unsupported',
      `Cannot import “${name}”: it looks like a binary file (${binary}), not text.`,
      { file: name },
    );
  }
  const converter = await TEXT_CONVERTERS[format]?.();
  if (!converter) {
    throw new GlossError('unsupported', `Cannot import “${name}”: Gloss cannot read it as text.`, {
      file: name,
    });
  }
  // The decoded text is kept only in `source`, which a converter with convertHeld empties once done
  // with it: this frame, still on the stack meanwhile, never reads it.
  const { source, encoding, invalidBytes } = decodeHeld(
    bytes,
    converter.declaredCharset?.(bytes) ?? null,
    name,
  );
  return {
    converted: await naming(name, () =>
      converter.convertHeld ? converter.convertHeld(source) : converter.convert(source.text),
    ),
    encoding,
    invalidBytes: invalidBytes ?? 0,
  };
}

/**
 * decode's result with its text in a holder (see HeldText).
 * @throws GlossError('invalid-argument') for a text of whitespace only.
 */
function decodeHeld(
  bytes: Uint8Array,
  declared: string | null,
  name: string,
): { source: HeldText; encoding: string; invalidBytes: number | undefined } {
  const decoded = decode(bytes, declared);
  if (!decoded.text.trim()) {
    throw new GlossError('invalid-argument', `Cannot import “${name}”: the file contains only whitespace.`, {
      file: name,
    });
  }
  return { source: { text: decoded.text }, encoding: decoded.encoding, invalidBytes: decoded.invalidBytes };
}

/**
 * Converts the bytes of one file of any supported format: a `.pdf` with pdf.js (see `convertPdf`),
 * anything else with `convertFile`. Pure apart from CPU and reading pdf.js' own files.
 * @param password An encrypted PDF's password (ignored for other formats); never kept.
 * @throws GlossError as `convertFile` and `convertPdf` do; messages name the file.
 */
export async function convertDocument(
  bytes: Uint8Array,
  fileName: string,
  password?: string,
): Promise<ImportedDocument> {
  const name = path.basename(fileName).normalize('NFC');
  if (!/\.pdf$/iu.test(name)) return convertFile(bytes, fileName);
  checkImportSize(name, bytes.length);
  const { convertPdf } = await import('./pdf');
  return convertPdf(bytes, name, titleFromFileName(name), password);
}

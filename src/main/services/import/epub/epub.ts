import { GlossError } from '../../../../shared/result';
import type { Converted } from '../blocks';
import { decode } from '../decode';
import { parseHtml } from '../dom';
import { normalizeDate } from '../metadata';
import { convertChapters } from './chapters';
import { IMAGE_ENTRY, nameImages } from './images';
import { elements, packagePath, parseXml, parsePackage, type BookPackage } from './package';
import { tocFromNav, tocFromNcx, type TocEntry } from './toc';
import { readZip, type ZipContents } from './zip';

const CONTAINER = 'META-INF/container.xml';
const ENCRYPTION = 'META-INF/encryption.xml';
/** Adobe's DRM licence: its presence alone means the book is locked. */
const RIGHTS = 'META-INF/rights.xml';
/** Algorithms of font obfuscation (IDPF, Adobe): fonts are mangled, the text is readable. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** Entries read as text: package, navigation and content documents (never images, fonts or media). */
const TEXT_ENTRY = /\.(?:xml|opf|ncx|xhtml|html|htm|xht)$/i;

const drm = (): GlossError =>
  new GlossError(
    'unsupported',
    'it is protected by DRM (its text is encrypted), so Gloss cannot read it. Import a copy without DRM.',
  );

const xmlText = (bytes: Uint8Array): string => decode(bytes, 'utf-8').text;

/** Refuses a book whose content is encrypted; font obfuscation alone is fine. */
function checkEncryption(zip: ZipContents): void {
  if (zip.names.includes(RIGHTS)) throw drm();
  const encryption = zip.files.get(ENCRYPTION);
  if (!encryption) return;
  const document = parseXml(xmlText(encryption), 'application/xml');
  if (!document) throw drm();
  for (const data of elements(document, 'EncryptedData')) {
    const algorithm = elements(data, 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? '';
    if (!FONT_OBFUSCATION.has(algorithm)) throw drm();
  }
}

/** The book's table of contents: the EPUB 3 nav document's, else the NCX's, else none. */
function readToc(zip: ZipContents, book: BookPackage): TocEntry[] {
  const nav = book.nav && zip.files.get(book.nav.path);
  if (book.nav && nav) {
    const text = xmlText(nav);
    const entries = tocFromNav(parseXml(text, 'application/xhtml+xml') ?? parseHtml(text), book.nav.path);
    if (entries.length > 0) return entries;
  }
  const ncx = book.ncx && zip.files.get(book.ncx.path);
  const document = ncx ? parseXml(xmlText(ncx), 'application/xml') : null;
  return book.ncx && document ? tocFromNcx(document, book.ncx.path) : [];
}

/** What an EPUB gives beyond an article's usual metadata. */
export interface BookDetails {
  language?: string;
  identifier?: string;
  publisher?: string;
  description?: string;
}

/**
 * Converts an EPUB (2 or 3) held in memory: the zip is read within
 * EPUB_ZIP_LIMITS, the container and package (OPF) parsed, the spine's
 * documents converted in order (see `convertChapters`), the table of contents
 * (nav, else NCX) placed on the blocks, and the metadata read: title,
 * authors (joined with ", "), date, language, identifier, publisher,
 * description. Raster images (PNG, JPEG, GIF, WebP) are referred to by their
 * stored names (see nameImages; the library serves them from the copy);
 * SVG, styles, scripts, fonts and links out of the book except to the web
 * are not kept. Reads no files and loads nothing.
 * @throws GlossError('unsupported') with a sentence (no file name) for a file
 *   that is not a zip, a zip bomb, an entry leaving the container, a DRM-locked
 *   book, a missing or broken container or package, XML declaring entities;
 *   'too-complex' for a chapter nested deeper than Gloss reads.
 */
export function convertEpub(bytes: Uint8Array): Converted & { details: BookDetails } {
  const zip = readZip(bytes, (name) => TEXT_ENTRY.test(name) || IMAGE_ENTRY.test(name));
  checkEncryption(zip);
  const container = zip.files.get(CONTAINER);
  if (!container) throw new GlossError('unsupported', `it is not an EPUB book: it has no ${CONTAINER}.`);
  const opfPath = packagePath(xmlText(container));
  const opf = zip.files.get(opfPath);
  if (!opf)
    throw new GlossError('unsupported', `its package is broken: the package document ${opfPath} is missing.`);
  const book = parsePackage(xmlText(opf), opfPath);
  const chapters = book.spine.flatMap((item) => {
    const chapterBytes = zip.files.get(item.path);
    return chapterBytes ? [{ path: item.path, bytes: chapterBytes, cfi: item.cfi }] : [];
  });
  if (chapters.length === 0)
    throw new GlossError(
      'unsupported',
      'its package is broken: none of the documents its spine lists is in the book.',
    );
  const { text, blocks } = convertChapters(chapters, readToc(zip, book), nameImages(zip.files));
  const details: BookDetails = {};
  if (book.language) details.language = book.language;
  if (book.identifier) details.identifier = book.identifier;
  if (book.publisher) details.publisher = book.publisher.normalize('NFC');
  if (book.description) details.description = book.description.normalize('NFC');
  return {
    text,
    blocks,
    title: book.title,
    author: book.creators.length > 0 ? book.creators.join(', ') : null,
    published: book.date ? normalizeDate(book.date) : null,
    details,
  };
}

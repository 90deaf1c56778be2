import { GlossError } from '../../../../shared/result';
import { domWindow } from '../dom';
import { cfiStep } from './cfi-map';
import { resolveHref } from './paths';

/** One file the book's package lists. `path` is the entry's name in the zip. */
export interface ManifestItem {
  id: string;
  path: string;
  mediaType: string;
  properties: string[];
}

/** A document of the spine, with the EPUB CFI steps from the package root to its itemref, e.g. "/6/4[chap01ref]". */
export interface SpineItem extends ManifestItem {
  cfi: string;
}

/** What a book's package document (OPF) says about it. */
export interface BookPackage {
  /** EPUB version as written, e.g. '3.0' or '2.0'. */
  version: string;
  title: string | null;
  /** Authors in the order listed (creators whose role is author or not given; else every creator). */
  creators: string[];
  language: string | null;
  /** As written (EPUB dates are W3CDTF: a year, a month or a day, perhaps with a time). */
  date: string | null;
  publisher: string | null;
  identifier: string | null;
  description: string | null;
  /** Documents in reading order; items the manifest does not hold are left out. */
  spine: SpineItem[];
  /** The EPUB 3 navigation document, if listed. */
  nav: ManifestItem | null;
  /** The EPUB 2 NCX, if listed. */
  ncx: ManifestItem | null;
}

const broken = (why: string): GlossError => new GlossError('unsupported', `its package is broken: ${why}.`);

/**
 * Parses XML from a book inertly. Documents that declare entities are refused
 * (entity expansion is the classic way to blow up an XML parser).
 * @returns the document, or null when it is not well-formed XML.
 * @throws GlossError('unsupported') for a document declaring entities.
 */
export function parseXml(text: string, type: 'application/xml' | 'application/xhtml+xml'): Document | null {
  if (/<!ENTITY/i.test(text))
    throw new GlossError('unsupported', 'it declares XML entities, which Gloss does not expand.');
  const document = new (domWindow().DOMParser)().parseFromString(text, type);
  return document.getElementsByTagName('parsererror').length > 0 ? null : document;
}

/** Elements named `localName` in any namespace, in document order. */
export function elements(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

const text = (element: Element | undefined): string | null =>
  element?.textContent?.replace(/\s+/g, ' ').trim() || null;

/**
 * The path of the package document named by `META-INF/container.xml`.
 * @throws GlossError('unsupported') when the container is not XML or names no package inside the book.
 */
export function packagePath(containerXml: string): string {
  const document = parseXml(containerXml, 'application/xml');
  if (!document) throw broken('META-INF/container.xml is not well-formed XML');
  const rootfile = elements(document, 'rootfile').find(
    (element) =>
      (element.getAttribute('media-type') ?? 'application/oebps-package+xml') ===
      'application/oebps-package+xml',
  );
  const ref = resolveHref('', rootfile?.getAttribute('full-path') ?? '');
  if (!ref || !ref.path) throw broken('META-INF/container.xml names no package document inside the book');
  return ref.path;
}

/**
 * Reads a package document (OPF, EPUB 2 or 3) found at `opfPath`: metadata,
 * manifest, spine, and where the table of contents is.
 * @throws GlossError('unsupported') when it is not XML, has no spine, or its spine names nothing readable.
 */
export function parsePackage(opfXml: string, opfPath: string): BookPackage {
  const document = parseXml(opfXml, 'application/xml');
  if (!document) throw broken(`${opfPath} is not well-formed XML`);
  const root = document.documentElement;
  if (root.localName !== 'package') throw broken(`${opfPath} is not a package document`);
  const manifest = new Map<string, ManifestItem>();
  for (const item of elements(document, 'item')) {
    const id = item.getAttribute('id');
    const ref = resolveHref(opfPath, item.getAttribute('href') ?? '');
    if (!id || !ref || ref.path === opfPath) continue;
    manifest.set(id, {
      id,
      path: ref.path,
      mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    });
  }
  const spineElement = elements(document, 'spine')[0];
  if (!spineElement) throw broken(`${opfPath} has no spine`);
  const spineStep = cfiStep(spineElement);
  const spine = elements(spineElement, 'itemref').flatMap((ref): SpineItem[] => {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    return item && isDocument(item.mediaType) ? [{ ...item, cfi: spineStep + cfiStep(ref) }] : [];
  });
  if (spine.length === 0) throw broken('its spine lists no readable document');
  const items = [...manifest.values()];
  return {
    version: root.getAttribute('version') ?? '',
    ...metadata(document, root.getAttribute('unique-identifier')),
    spine,
    nav: items.find((item) => item.properties.includes('nav')) ?? null,
    ncx:
      manifest.get(spineElement.getAttribute('toc') ?? '') ??
      items.find((item) => item.mediaType === 'application/x-dtbncx+xml') ??
      null,
  };
}

/** True for the media types of the documents a spine may hold that Gloss reads. */
function isDocument(mediaType: string): boolean {
  return mediaType === 'application/xhtml+xml' || mediaType === 'text/html';
}

type Metadata = Pick<
  BookPackage,
  'title' | 'creators' | 'language' | 'date' | 'publisher' | 'identifier' | 'description'
>;

function metadata(document: Document, uniqueId: string | null): Metadata {
  const dc = (name: string): Element[] =>
    elements(document, name).filter((element) => element.namespaceURI === 'http://purl.org/dc/elements/1.1/');
  const refinements = new Map<string, string>();
  for (const meta of elements(document, 'meta')) {
    const refines = meta.getAttribute('refines');
    if (refines?.startsWith('#') && meta.getAttribute('property') === 'role')
      refinements.set(refines.slice(1), text(meta) ?? '');
  }
  const creators = dc('creator').map((element) => ({
    name: text(element),
    role:
      element.getAttributeNS('http://www.idpf.org/2007/opf', 'role') ??
      element.getAttribute('opf:role') ??
      refinements.get(element.getAttribute('id') ?? '') ??
      null,
  }));
  const authors = creators.filter((creator) => creator.role === null || creator.role === 'aut');
  const identifiers = dc('identifier');
  const dates = dc('date');
  const publication = dates.find((date) =>
    /publication|original-publication/.test(
      date.getAttributeNS('http://www.idpf.org/2007/opf', 'event') ?? '',
    ),
  );
  return {
    title: text(dc('title')[0]),
    creators: (authors.length > 0 ? authors : creators)
      .map((creator) => creator.name)
      .filter((name): name is string => name !== null),
    language: text(dc('language')[0]),
    date: text(publication ?? dates[0]),
    publisher: text(dc('publisher')[0]),
    identifier: text(
      identifiers.find((element) => element.getAttribute('id') === uniqueId) ?? identifiers[0],
    ),
    description: plainDescription(text(dc('description')[0])),
  };
}

/** A description, which publishers often write as escaped HTML, as plain text. */
function plainDescription(description: string | null): string | null {
  if (!description || !/[<&]/.test(description)) return description;
  const document = new (domWindow().DOMParser)().parseFromString(description, 'text/html');
  return text(document.body ?? undefined);
}

import { isMap, parseDocument as parseYaml, stringify } from 'yaml';
import { GlossError } from '../result';

/** The line that closes a part of a file Gloss regenerates. */
export const MARKER_END = '<!-- gloss:end -->';

/** The line that opens the part of a file Gloss regenerates for one article. */
export function markerStart(id: string): string {
  return `<!-- gloss:start id=${id} -->`;
}

const MARKER_LINE = /^<!-- gloss:(?:start id=(\S+)|end) -->(?=\r?\n|$)/gm;
const ANY_MARKER_LINE = new RegExp(MARKER_LINE.source, 'm');
const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** One article's regenerated part of an exported file. */
export interface ExportSection {
  /** Article id, written into the start marker. */
  id: string;
  /** Markdown between the markers, without leading or trailing line breaks. */
  body: string;
}

/** An exported Markdown file before it is merged into what is on disk. */
export interface ExportDocument {
  /** YAML of the front matter without its `---` fences, each line ending with a line break; null for none. */
  frontMatter: string | null;
  sections: ExportSection[];
}

type Part = { kind: 'text'; text: string } | { kind: 'section'; id: string; body: string };

interface ParsedFile {
  frontMatter: string | null;
  parts: Part[];
}

const YAML_OPTIONS = {
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  lineWidth: 0,
  flowCollectionPadding: false,
} as const;

/** YAML as Gloss writes it: every string double-quoted, so no title or tag is read back as another type. */
export function toYaml(value: unknown): string {
  return propertiesYaml(value) ?? stringify(value, YAML_OPTIONS);
}

/** A string that yaml writes double-quoted as it is: no quote, backslash, control character or surrogate. */
const AS_IS = /^[^"\\\p{Cc}\p{Cs}]*$/u;
const PLAIN_KEY = /^[a-z][a-z-]*$/;

/**
 * What `stringify` writes for an object of simple properties (front matter): plain keys, and values
 * that are null, integers, strings written as they are, or lists of such strings; undefined for
 * anything else (an empty object too). Writing these directly was most of the cost of rendering front matter.
 */
function propertiesYaml(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  let yaml = '';
  for (const [key, item] of Object.entries(value)) {
    if (!PLAIN_KEY.test(key)) return undefined;
    if (item === null) yaml += `${key}: null\n`;
    else if (typeof item === 'string' && AS_IS.test(item)) yaml += `${key}: "${item}"\n`;
    else if (Number.isSafeInteger(item) && !Object.is(item, -0)) yaml += `${key}: ${String(item)}\n`;
    else if (!Array.isArray(item)) return undefined;
    else if (item.length === 0) yaml += `${key}: []\n`;
    else {
      yaml += `${key}:\n`;
      for (const entry of item as unknown[]) {
        if (typeof entry !== 'string' || !AS_IS.test(entry)) return undefined;
        yaml += `  - "${entry}"\n`;
      }
    }
  }
  return yaml === '' ? undefined : yaml;
}

/** Splits a leading YAML front matter block off Markdown text. */
export function splitFrontMatter(text: string): { frontMatter: string | null; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { frontMatter: null, body: text };
  return { frontMatter: match[1] ?? '', body: text.slice(match[0].length) };
}

/** 1-based line number of a character offset. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads a Markdown file into its front matter, the text outside Gloss's
 * markers and the sections inside them.
 *
 * @throws GlossError('damaged') when the markers do not pair up (a start
 * without its end, an end without a start), naming the line.
 */
function parseFile(text: string): ParsedFile {
  const { frontMatter, body } = splitFrontMatter(text);
  const bodyOffset = text.length - body.length;
  const parts: Part[] = [];
  const line = (bodyIndex: number) => lineOf(text, bodyOffset + bodyIndex);
  let open: { id: string; at: number; bodyStart: number } | null = null;
  let textStart = 0;
  for (const match of body.matchAll(MARKER_LINE)) {
    const id = match[1];
    if (id !== undefined) {
      if (open) {
        throw new GlossError(
          'damaged',
          `The Gloss start marker on line ${line(open.at)} has no end marker before the next start on line ${line(match.index)}.`,
        );
      }
      parts.push({ kind: 'text', text: body.slice(textStart, match.index) });
      const after = match.index + match[0].length;
      open = { id, at: match.index, bodyStart: after + (body.startsWith('\r\n', after) ? 2 : 1) };
    } else {
      if (!open) {
        throw new GlossError(
          'damaged',
          `The Gloss end marker on line ${line(match.index)} has no start marker.`,
        );
      }
      const content = body.slice(Math.min(open.bodyStart, match.index), match.index);
      parts.push({ kind: 'section', id: open.id, body: content.replace(/\r?\n$/, '') });
      textStart = match.index + match[0].length;
      open = null;
    }
  }
  if (open)
    throw new GlossError('damaged', `The Gloss start marker on line ${line(open.at)} has no end marker.`);
  parts.push({ kind: 'text', text: body.slice(textStart) });
  return { frontMatter, parts };
}

function sectionText(section: ExportSection): string {
  return `${markerStart(section.id)}\n${section.body}\n${MARKER_END}`;
}

/** Writes an export document as the text of a new file. */
export function assembleDocument(doc: ExportDocument): string {
  const head = doc.frontMatter === null ? '' : `---\n${doc.frontMatter}---\n\n`;
  return `${head}${doc.sections.map(sectionText).join('\n\n')}\n`;
}

/** Reads back a file written by {@link assembleDocument}, or any file with Gloss markers. */
export function readDocument(text: string): ExportDocument {
  const { frontMatter, parts } = parseFile(text);
  const sections = parts.flatMap((p) => (p.kind === 'section' ? [{ id: p.id, body: p.body }] : []));
  return { frontMatter, sections };
}

/** Whether text holds a line that reads as a Gloss start or end marker. */
export function hasMarkerLine(text: string): boolean {
  return ANY_MARKER_LINE.test(text);
}

/** Ids in the start markers of a file, in order; empty for a file Gloss did not write. */
export function sectionIds(text: string): string[] {
  return [...text.matchAll(MARKER_LINE)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
}

const QUOTED = String.raw`"(?:[^"\\\x00-\x1f\x7f]|\\(?:["\\/0abtnvfreN_LP ]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))*"`;
/** A line of front matter as toYaml writes it: a key and a scalar, a key opening a list, or a list item. */
const GLOSS_YAML_LINE = new RegExp(
  String.raw`^(?:([a-z][a-z-]*): (?:${QUOTED}|null|-?\d+|\[\])|([a-z][a-z-]*):|  - ${QUOTED})$`,
);

/**
 * The top-level keys of front matter laid out exactly as toYaml writes Gloss's properties (quoted
 * strings, numbers, null, lists of quoted strings; no comments, nothing else), in order; null for
 * any other YAML.
 */
function glossKeys(yaml: string): string[] | null {
  const keys: string[] = [];
  let inList = false;
  for (const line of yaml.split('\n')) {
    if (line === '') continue;
    const match = GLOSS_YAML_LINE.exec(line);
    if (!match) return null;
    const key = match[1] ?? match[2];
    if (key === undefined && !inList) return null;
    if (key !== undefined) keys.push(key);
    inList = key === undefined || match[2] !== undefined;
  }
  return keys;
}

function sameKeys(a: string[] | null, b: string[] | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((key, i) => key === b[i]);
}

function mergeFrontMatter(existing: string, generated: string): string {
  // Gloss's own properties, none added by hand, each replaced by its new value: the new front matter.
  if (sameKeys(glossKeys(existing), glossKeys(generated))) return generated;
  const doc = parseYaml(existing);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new GlossError(
      'damaged',
      `The front matter is not valid YAML${line ? ` (line ${line + 1} of the file)` : ''}: ${error.message.split('\n')[0]}. Fix or remove it, then export again.`,
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new GlossError(
      'damaged',
      'The front matter is not a list of properties. Fix or remove it, then export again.',
    );
  }
  const values = parseYaml(generated).toJS() as Record<string, unknown> | null;
  for (const [key, value] of Object.entries(values ?? {})) doc.set(key, doc.createNode(value));
  return doc.toString(YAML_OPTIONS);
}

/**
 * Merges a freshly generated export into the text of an existing file:
 * each section whose id is generated again is replaced in place, sections
 * no longer generated are removed, new ones are appended at the end, and
 * everything outside the markers is kept byte for byte. The front matter
 * keeps the user's own properties; the generated ones are updated.
 *
 * @throws GlossError('damaged') when the existing markers do not pair up or
 * its front matter is not valid YAML; nothing is merged then.
 */
export function mergeDocument(existing: string, generated: ExportDocument): string {
  const parsed = parseFile(existing);
  const fresh = new Map(generated.sections.map((s) => [s.id, s]));
  const placed = new Set<string>();
  let body = '';
  for (const part of parsed.parts) {
    if (part.kind === 'text') {
      body += part.text;
    } else {
      const section = fresh.get(part.id);
      if (section && !placed.has(part.id)) {
        body += sectionText(section);
        placed.add(part.id);
      }
    }
  }
  const added = generated.sections.filter((s) => !placed.has(s.id));
  if (added.length > 0) {
    const separator =
      body.trim() === '' ? '' : body.endsWith('\n\n') ? '' : body.endsWith('\n') ? '\n' : '\n\n';
    body = `${body.trim() === '' ? '' : body}${separator}${added.map(sectionText).join('\n\n')}\n`;
  }
  let frontMatter = parsed.frontMatter;
  if (generated.frontMatter !== null) {
    frontMatter =
      frontMatter === null ? generated.frontMatter : mergeFrontMatter(frontMatter, generated.frontMatter);
  }
  if (frontMatter === null) return body;
  return `---\n${frontMatter}---\n${parsed.frontMatter === null ? '\n' : ''}${body}`;
}

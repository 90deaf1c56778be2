import chardet from 'chardet';
import iconv from 'iconv-lite';
import { canonicalize } from '../../../shared/text/canonical';
import { isVietnameseSyllable } from './vietnamese';

/** Text decoded from a file's bytes, in canonical form, with the encoding it was read as. */
export interface DecodedText {
  /** Canonical text (NFC, LF line ends, no BOM). */
  text: string;
  /** Lower-case encoding name, e.g. 'utf-8', 'utf-16le', 'windows-1258'. */
  encoding: string;
  /** Bytes that were not valid in that encoding and became U+FFFD; absent when there were none. */
  invalidBytes?: number;
}

interface Signature {
  bytes: readonly number[];
  offset: number;
  kind: string;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, ...ascii('PNG\r\n\x1a\n')], offset: 0, kind: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], offset: 0, kind: 'JPEG image' },
  { bytes: ascii('GIF8'), offset: 0, kind: 'GIF image' },
  { bytes: ascii('WEBP'), offset: 8, kind: 'WebP image' },
  { bytes: ascii('%PDF-'), offset: 0, kind: 'PDF document' },
  { bytes: ascii('PK\x03\x04'), offset: 0, kind: 'ZIP archive, e.g. EPUB or Word' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    offset: 0,
    kind: 'legacy Microsoft Office document',
  },
  { bytes: [0x1f, 0x8b], offset: 0, kind: 'gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], offset: 0, kind: '7-Zip archive' },
  { bytes: ascii('Rar!\x1a\x07'), offset: 0, kind: 'RAR archive' },
  { bytes: ascii('\x7fELF'), offset: 0, kind: 'Linux program' },
  { bytes: ascii('SQLite format 3\0'), offset: 0, kind: 'SQLite database' },
  { bytes: ascii('ftyp'), offset: 4, kind: 'video or audio file' },
  { bytes: ascii('OggS'), offset: 0, kind: 'Ogg audio' },
];

/** Bytes inspected to sniff binary content and to choose a legacy encoding. */
const SAMPLE_BYTES = 64 * 1024;
/** Like git: a NUL in the first 8000 bytes means binary. */
const NUL_WINDOW = 8000;
/** Share of C0 control bytes (other than tab, line ends, form feed, escape) that means binary. */
const MAX_CONTROL_SHARE = 0.01;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Legacy encodings always tried when a file is not UTF-8, Vietnamese ones included. */
const LEGACY_CANDIDATES = ['windows-1258', 'windows-1252', 'viscii', 'tcvn'];

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

/**
 * Says why `bytes` look like a binary file rather than text, e.g. "PNG image"
 * or "it contains NUL bytes", or returns null when they may be text. Files
 * that start with a UTF-16 byte order mark are text (their NUL bytes are
 * halves of characters).
 */
export function describeBinary(bytes: Uint8Array): string | null {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes, s.offset));
  if (signature) return signature.kind;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return null;
  if (bytes.subarray(0, NUL_WINDOW).includes(0)) return 'it contains NUL bytes';
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (const byte of sample) if (isControl(byte)) controls++;
  return controls > sample.length * MAX_CONTROL_SHARE ? 'it contains control characters' : null;
}

/**
 * Decodes a text file's bytes and canonicalizes the result (see
 * `canonicalize`). In order: a UTF-8 or UTF-16 (LE/BE) byte order mark
 * decides; valid UTF-8 is UTF-8; then `declared` (e.g. an HTML meta charset)
 * when iconv-lite knows it; then UTF-8 with a few invalid bytes (at most one
 * for every ten valid multi-byte characters: damage, not another encoding),
 * which become U+FFFD and are counted in `invalidBytes`; otherwise the candidates from chardet plus
 * Windows-1258, Windows-1252, VISCII and TCVN are scored on the first 64 KiB,
 * favouring decodings whose accented words are Vietnamese syllables and
 * penalizing replacement characters, control characters and tone marks left
 * without a letter. Never throws: undecodable bytes become U+FFFD.
 */
export function decode(bytes: Uint8Array, declared: string | null = null): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) return decodeAs(bytes, 'utf-8');
  if (startsWith(bytes, UTF16LE_BOM)) return decodeAs(bytes, 'utf-16le');
  if (startsWith(bytes, UTF16BE_BOM)) return decodeAs(bytes, 'utf-16be');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: canonicalize(utf8), encoding: 'utf-8' };
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) return decodeAs(bytes, declared);
  const { valid, invalid } = scanUtf8(bytes);
  if (invalid * MIN_VALID_PER_INVALID <= valid) {
    return { ...decodeAs(bytes, 'utf-8'), invalidBytes: invalid };
  }
  return decodeAs(bytes, guessLegacyEncoding(bytes.subarray(0, SAMPLE_BYTES)));
}

function decodeAs(bytes: Uint8Array, encoding: string): DecodedText {
  return { text: canonicalize(iconv.decode(bytes, encoding)), encoding };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Valid multi-byte UTF-8 characters needed for each invalid byte to read a file as damaged UTF-8. */
const MIN_VALID_PER_INVALID = 10;

/** Counts valid multi-byte UTF-8 sequences and bytes that start no valid sequence (RFC 3629 ranges). */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const byte = bytes[i + k] ?? 0;
      ok = k === 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf;
    }
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function guessLegacyEncoding(sample: Uint8Array): string {
  const confidence = new Map<string, number>();
  for (const match of chardet.analyse(sample)) {
    const name = match.name.toLowerCase();
    if (!name.startsWith('utf') && name !== 'ascii' && iconv.encodingExists(name) && !confidence.has(name)) {
      confidence.set(name, match.confidence / 100);
    }
  }
  for (const name of LEGACY_CANDIDATES) if (!confidence.has(name)) confidence.set(name, 0);
  let best = 'windows-1258';
  let bestScore = -Infinity;
  for (const [name, conf] of confidence) {
    const score = conf + plausibility(iconv.decode(sample, name).normalize('NFC'));
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}

const WORD = /[\p{L}\p{M}]+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const JUNK = /[\uFFFD\p{Co}]|[^\P{Cc}\t\n\r\f]|(?<![\p{L}\p{M}])\p{M}/gu;

/**
 * How much a decoding reads like real text, from -2 to 2: twice the share by
 * which accented words that are Vietnamese syllables outnumber those that are
 * not (never below zero, so other languages are not punished), minus twice
 * the share of junk (U+FFFD, control and private-use characters, combining
 * marks with no letter to sit on).
 */
function plausibility(text: string): number {
  const words = (text.match(WORD) ?? []).filter((word) => NON_ASCII.test(word));
  let vietnamese = 0;
  for (const word of words) if (isVietnameseSyllable(word)) vietnamese++;
  const junk = (text.match(JUNK) ?? []).length;
  const evidence = Math.max(1, words.length + junk);
  return (2 * Math.max(0, 2 * vietnamese - words.length) - 2 * junk) / evidence;
}

import { MAX_TAG_LENGTH } from '../../../shared/contract/annotations';
import { GlossError } from '../../../shared/result';

/**
 * The stored spelling of a tag name: NFC, trimmed.
 * @throws GlossError 'invalid-argument' when it is empty, too long or holds control characters.
 */
export function normalizeTagName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) throw new GlossError('invalid-argument', 'A tag name cannot be empty.');
  if (name.length > MAX_TAG_LENGTH) {
    throw new GlossError(
      'invalid-argument',
      `A tag name can be at most ${MAX_TAG_LENGTH} characters; "${name.slice(0, 40)}…" is ${name.length}.`,
    );
  }
  if (/\p{Cc}/u.test(name)) {
    throw new GlossError('invalid-argument', `A tag name cannot contain line breaks or control characters.`);
  }
  return name;
}

/** True when `raw` is an acceptable tag name (see normalizeTagName). */
export function isValidTagName(raw: string): boolean {
  try {
    normalizeTagName(raw);
    return true;
  } catch {
    return false;
  }
}

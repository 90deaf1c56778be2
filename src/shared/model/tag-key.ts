/**
 * The identity of a tag name: two names with the same key are the same tag. Trimmed, NFC and
 * case-insensitive ("  Đà Nẵng" and "đà nẵng" are one tag). Compare keys, never keep them as names.
 */
export function tagKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().normalize('NFC');
}

/** True when the two names are the same tag (see tagKey). */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

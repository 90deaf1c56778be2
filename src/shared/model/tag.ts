import { z } from 'zod';
import { HIGHLIGHT_COLORS } from './annotation';

/** A tag colour: one of the highlight colour names or a `#rrggbb` hex colour; null for none. */
export const tagColorSchema = z
  .union([z.enum(HIGHLIGHT_COLORS), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour')])
  .nullable();

/** A tag in the registry; names are NFC and unique by `tagKey`. */
export const tagSchema = z.object({
  name: z.string().min(1),
  color: tagColorSchema,
});
/** A value `tagSchema` accepts. */
export type Tag = z.output<typeof tagSchema>;

/** A tag with its derived use count across the library (highlights and articles). */
export const tagInfoSchema = tagSchema.extend({ count: z.int().min(0) });
/** A value `tagInfoSchema` accepts. */
export type TagInfo = z.output<typeof tagInfoSchema>;

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

import { z } from 'zod';
import { HIGHLIGHT_COLORS } from './highlight-colors';

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

export { sameTag, tagKey } from './tag-key';

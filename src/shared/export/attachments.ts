/** The folder beside an exported note that holds the files it embeds. */
export const ATTACHMENTS_FOLDER = 'attachments';

/**
 * An area highlight's image for Markdown export: its PNG in base64, or why there is none ('password':
 * the PDF is encrypted and its password is not at hand; 'unreadable': the PDF or its page cannot be read).
 */
export type AreaImage = { png: string } | { missing: 'password' | 'unreadable' };

/**
 * The file name of highlight `id`'s image: the same at every export, so that exporting again replaces
 * it. `id` is a highlight's UUID, which is a safe file name.
 */
export function areaImageName(id: string): string {
  return `gloss-area-${id}.png`;
}

/** Where a note embeds highlight `id`'s image: its path from the note's folder. */
export function areaImagePath(id: string): string {
  return `${ATTACHMENTS_FOLDER}/${areaImageName(id)}`;
}

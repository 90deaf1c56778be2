/** The most bytes of a PDF's copy that one `getArticleFileRange` call returns: 1 MiB. */
export const PDF_RANGE_MAX = 1 << 20;

/**
 * Bytes the reader's pdf.js asks for at a time (its chunk, in bytes), and the first bytes read with
 * the length: 256 KiB, four times pdf.js' default, so a page whose objects lie apart in the file
 * costs fewer round trips.
 */
export const PDF_CHUNK = 1 << 18;
